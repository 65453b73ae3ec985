// The deal registration program's settings, kept in the `setting` table (one row per key) with
// defaults: review SLA, auto-approval threshold, protection period and extension length.
import { z } from "zod";
import { recordAudit } from "../audit/log.ts";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import { Prisma, type PrismaClient } from "../db/generated/client.ts";
import { DealForbiddenError, DealValidationError } from "./transitions.ts";
import { fieldErrors } from "../validation.ts";

const currencyCodes = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code the runtime knows ("EUR"); lower case is accepted. */
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => currencyCodes.has(c), "must be an ISO 4217 currency code such as EUR");

/** Money in integer minor units (cents), as the API carries it. */
export const moneyInput = z.object({
  amount: z.number().int("must be whole minor units (cents)").positive("must be more than 0").max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
});

const settingSchemas = {
  /** Hours a channel manager has to decide on a registration after it is submitted. */
  reviewSlaHours: z.number().int().min(1).max(24 * 90),
  /** Registrations without conflicts and below this value are approved at once; null = off. */
  autoApproveBelow: moneyInput.nullable(),
  /** Days an approved registration stays protected. */
  protectionDays: z.number().int().min(1).max(730),
  /** Days an approved extension request adds (unless the manager gives another number). */
  extensionDays: z.number().int().min(1).max(365),
};

export type DealSettings = { [K in keyof typeof settingSchemas]: z.infer<(typeof settingSchemas)[K]> };
export type DealSettingKey = keyof DealSettings;

export const DEFAULT_DEAL_SETTINGS: Readonly<DealSettings> = {
  reviewSlaHours: 48,
  autoApproveBelow: null,
  protectionDays: 90,
  extensionDays: 30,
};

/** A partial update, validated: unknown keys and out-of-range values are refused. */
export const dealSettingsInput = z.strictObject(settingSchemas).partial();

const KEYS = Object.keys(settingSchemas) as DealSettingKey[];
const storageKey = (key: DealSettingKey) => `deals.${key}`;

type SettingReader = Pick<PrismaClient, "setting">;

/** The current settings; a missing or unreadable row falls back to its default. */
export async function getDealSettings(db: SettingReader): Promise<DealSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: KEYS.map(storageKey) } }, select: { key: true, value: true } });
  const settings: Record<string, unknown> = { ...DEFAULT_DEAL_SETTINGS };
  for (const key of KEYS) {
    const row = rows.find((r) => r.key === storageKey(key));
    const parsed = row ? settingSchemas[key].safeParse(row.value) : undefined;
    if (parsed?.success) settings[key] = parsed.data;
  }
  return settings as DealSettings;
}

/** Changes some settings (channel managers and admins); audited. Returns all settings after. */
export async function updateDealSettings(db: PrismaClient, user: SessionUser, patch: unknown): Promise<DealSettings> {
  if (!can(user, "deals:configure")) throw new DealForbiddenError("Only channel managers and admins change the deal program");
  const parsed = dealSettingsInput.safeParse(patch);
  if (!parsed.success) {
    throw new DealValidationError(fieldErrors(parsed.error, "settings"));
  }
  const changes = Object.entries(parsed.data).filter(([, v]) => v !== undefined) as [DealSettingKey, unknown][];
  await db.$transaction(async (tx) => {
    for (const [key, value] of changes) {
      // "Off" (auto-approval) is stored as a JSON null, which Prisma spells JsonNull.
      const json = value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
      await tx.setting.upsert({
        where: { key: storageKey(key) },
        create: { key: storageKey(key), value: json, updatedById: user.id },
        update: { value: json, updatedById: user.id },
        select: { key: true },
      });
    }
    await recordAudit(tx, { actorUserId: user.id, action: "deal_settings.update", entityType: "Setting", entityId: "deals", data: Object.fromEntries(changes) as Prisma.InputJsonValue });
  });
  return getDealSettings(db);
}
