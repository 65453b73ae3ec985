// Users as the rest of the app sees them: the fields a session carries, never the password hash.
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import type { UserRole } from "../db/generated/enums.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password.ts";

export type Role = `${UserRole}`;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerOrgId: string | null;
  partnerOrgName: string | null;
  regionCodes: string[];
  locale: string;
  timeZone: string;
};

/** The shape of `user` in the JSON API (API.md: GET /api/v1/me). */
export type PublicUser = Pick<SessionUser, "id" | "email" | "name" | "role" | "partnerOrgId" | "regionCodes">;

export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  partnerOrgId: true,
  locale: true,
  timeZone: true,
  disabledAt: true,
  partnerOrg: { select: { name: true } },
  regions: { select: { regionCode: true }, orderBy: { regionCode: "asc" } },
} satisfies Prisma.UserSelect;

type SelectedUser = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

export function toSessionUser(user: SelectedUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerOrgId: user.partnerOrgId,
    partnerOrgName: user.partnerOrg?.name ?? null,
    regionCodes: user.regions.map((r) => r.regionCode),
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

export function toPublicUser(user: SessionUser): PublicUser {
  const { id, email, name, role, partnerOrgId, regionCodes } = user;
  return { id, email, name, role, partnerOrgId, regionCodes };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isPartnerRole(role: Role): boolean {
  return role === "PARTNER" || role === "PARTNER_ADMIN";
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  password: string;
  partnerOrgId?: string | null;
  regionCodes?: string[];
};

/** Creates a user (used by `npm run user:create`); validates the rules the database also enforces. */
export async function createUser(db: PrismaClient, input: NewUser): Promise<SessionUser> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  if (isPartnerRole(input.role) !== Boolean(input.partnerOrgId)) {
    throw new Error("Partner users need a partner organization; other roles must not have one");
  }
  const email = normalizeEmail(input.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new Error(`A user with the e-mail ${email} already exists`);
  }
  const user = await db.user.create({
    data: {
      email,
      name: input.name,
      role: input.role,
      partnerOrgId: input.partnerOrgId ?? null,
      passwordHash: await hashPassword(input.password),
      regions: { create: (input.regionCodes ?? []).map((regionCode) => ({ regionCode })) },
    },
    select: sessionUserSelect,
  });
  return toSessionUser(user);
}
