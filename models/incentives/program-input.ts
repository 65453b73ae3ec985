// What a channel manager writes into a programme version — name, key, kind, rules, currency,
// effective dates and budget — validated with zod into the row to store, or a
// ProgramValidationError naming every bad field (`rules.tiers.1.fromAmount`, `budget.amount`).
import { z } from "zod";
import { fieldErrors } from "../validation.ts";
import { PROGRAM_KINDS, type ProgramKind } from "./program-kinds.ts";
import { ProgramValidationError } from "./program-errors.ts";
import { programRulesSchema, type ProgramRules } from "./rules.ts";

const currencyCodes = new Set(Intl.supportedValuesOf("currency"));

const programFields = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2 to 63 lower-case letters, digits and dashes, such as spring-spiff"),
    name: z.string().trim().min(1, "give the program a name").max(120, "keep the name under 120 characters"),
    kind: z.enum(PROGRAM_KINDS, { error: `must be one of ${PROGRAM_KINDS.join(", ")}` }),
    rules: z.unknown(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => currencyCodes.has(c), "must be an ISO 4217 currency code such as EUR"),
    effectiveFrom: z.iso.date("must be a date (YYYY-MM-DD)"),
    effectiveTo: z.iso.date("must be a date (YYYY-MM-DD)").nullable().default(null),
    budget: z
      .object({
        amount: z.int("must be whole minor units (cents)").min(1, "must be more than 0").max(Number.MAX_SAFE_INTEGER),
        currency: z.string().trim().toUpperCase(),
      })
      .nullable()
      .default(null),
  })
  .check((ctx) => {
    const p = ctx.value;
    if (p.effectiveTo !== null && p.effectiveTo < p.effectiveFrom) {
      ctx.issues.push({ code: "custom", input: p.effectiveTo, path: ["effectiveTo"], message: "must be on or after the first day" });
    }
    if (p.budget !== null && p.budget.currency !== p.currency) {
      ctx.issues.push({ code: "custom", input: p.budget.currency, path: ["budget", "currency"], message: `must be the program's currency (${p.currency})` });
    }
  });

/** A version as the input describes it, ready to store. */
export type ProgramDraft = ProgramRules & {
  key: string;
  name: string;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Total budget in cents of the programme currency, or null for none. */
  budgetCap: number | null;
};

/** Validates a whole version (fields and the rules of its kind); throws every bad field at once. */
export function parseProgramDraft(input: unknown): ProgramDraft {
  const fields = programFields.safeParse(input);
  const kind = fields.success ? fields.data.kind : kindOf(input);
  const rules = kind === null ? null : programRulesSchema.safeParse({ kind, rules: rulesOf(input) });
  if (!fields.success || (rules !== null && !rules.success)) {
    throw new ProgramValidationError({
      ...(rules !== null && !rules.success ? fieldErrors(rules.error, "program") : {}),
      ...(fields.success ? {} : fieldErrors(fields.error, "program")),
    });
  }
  if (rules === null) throw new ProgramValidationError({ kind: "choose a program kind" });
  const { budget, rules: _raw, kind: _kind, ...rest } = fields.data;
  return { ...rest, ...rules.data, budgetCap: budget?.amount ?? null };
}

function kindOf(input: unknown): ProgramKind | null {
  const kind = typeof input === "object" && input !== null && "kind" in input ? input.kind : null;
  return PROGRAM_KINDS.find((k) => k === kind) ?? null;
}

function rulesOf(input: unknown): unknown {
  return typeof input === "object" && input !== null && "rules" in input ? input.rules : undefined;
}
