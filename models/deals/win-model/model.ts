// The win model as stored: the feature vocabulary from training and the fitted logistic
// regression (coefficients and scaling). Scores a deal snapshot with its top reasons.
import { z } from "zod";
import { encodeSnapshot, featureNames, type DealSnapshot, type FeatureVocabulary } from "./features.ts";
import { LogisticModel, type LogisticModelJson } from "./logistic.ts";
import { topReasons, type WinReason } from "./reasons.ts";

export const WIN_MODEL_VERSION = 1;

const storedModel = z.object({
  version: z.literal(WIN_MODEL_VERSION),
  vocabulary: z.object({ lines: z.array(z.string()), industries: z.array(z.string()), segments: z.array(z.string()), baseRate: z.number() }),
  logistic: z.object({
    kind: z.literal("l2-logistic"),
    featureNames: z.array(z.string()),
    means: z.array(z.number()),
    scales: z.array(z.number()),
    weights: z.array(z.number()),
    intercept: z.number(),
    l2: z.number(),
    iterations: z.number(),
  }),
});

export type WinModelJson = { version: typeof WIN_MODEL_VERSION; vocabulary: FeatureVocabulary; logistic: LogisticModelJson };

export type WinScore = { probability: number; reasons: WinReason[] };

export class WinModel {
  constructor(
    readonly vocabulary: FeatureVocabulary,
    readonly logistic: LogisticModel,
  ) {
    const expected = featureNames(vocabulary);
    if (expected.join() !== logistic.featureNames.join()) throw new Error("the model's features do not match its vocabulary");
  }

  /** Fits on snapshots and their outcomes (1 = won). */
  static fit(snapshots: readonly DealSnapshot[], labels: readonly number[], vocabulary: FeatureVocabulary, l2: number): WinModel {
    const x = snapshots.map((s) => encodeSnapshot(s, vocabulary));
    return new WinModel(vocabulary, LogisticModel.fit(featureNames(vocabulary), x, labels, { l2 }));
  }

  /** A stored model (deal_score_model.model); throws when it is not one this code can read. */
  static load(json: unknown): WinModel {
    const parsed = storedModel.parse(json);
    return new WinModel(parsed.vocabulary, LogisticModel.load(parsed.logistic));
  }

  probability(s: DealSnapshot): number {
    return this.logistic.predict(encodeSnapshot(s, this.vocabulary));
  }

  score(s: DealSnapshot): WinScore {
    const row = encodeSnapshot(s, this.vocabulary);
    return { probability: this.logistic.predict(row), reasons: topReasons(this.logistic.featureNames, this.logistic.contributions(row), s) };
  }

  toJSON(): WinModelJson {
    return { version: WIN_MODEL_VERSION, vocabulary: structuredClone(this.vocabulary), logistic: this.logistic.toJSON() };
  }
}
