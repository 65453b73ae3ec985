// The demo's people: the documented demo logins, the vendor's staff (admin, channel managers,
// regional leads) and one to three users per partner org, all sharing one password hash.
import { ARCHETYPE_PROFILES } from "./archetypes.ts";
import { addDays, toWholeSecond } from "./calendar.ts";
import { countryNaming, emailLocalPart, languageOf, personName } from "./names.ts";
import { demoLoginOrgs, type DemoPartnerPlan } from "./plan.ts";
import { Random } from "./random.ts";
import type { Prisma, UserRole } from "../db/generated/client.ts";

export const DEMO_PASSWORD = "channelwise-demo";

export type DemoLogin = { email: string; role: UserRole; description: string };

type StaffKey = "admin" | "manager" | "cmWest" | "cmAmericas" | "cmApac" | "lead" | "leadSouth";

type StaffMember = {
  key: StaffKey;
  email: string;
  name: string;
  role: UserRole;
  timeZone: string;
  /** Regions a regional lead owns (user_region). */
  owns: readonly string[];
  /** Regions whose partner orgs this channel manager looks after. */
  manages: readonly string[];
};

const STAFF: readonly StaffMember[] = [
  { key: "admin", email: "admin@example.com", name: "Adrian Weber", role: "ADMIN", timeZone: "Europe/Berlin", owns: [], manages: [] },
  { key: "manager", email: "manager@example.com", name: "Markus Keller", role: "CHANNEL_MANAGER", timeZone: "Europe/Berlin", owns: [], manages: ["DACH", "NORDICS"] },
  { key: "cmWest", email: "claire.martin@example.com", name: "Claire Martin", role: "CHANNEL_MANAGER", timeZone: "Europe/Paris", owns: [], manages: ["WESTERN_EUROPE", "SOUTHERN_EUROPE"] },
  { key: "cmAmericas", email: "jake.miller@example.com", name: "Jake Miller", role: "CHANNEL_MANAGER", timeZone: "America/New_York", owns: [], manages: ["NORTH_AMERICA"] },
  { key: "cmApac", email: "aiko.tanaka@example.com", name: "Aiko Tanaka", role: "CHANNEL_MANAGER", timeZone: "Asia/Tokyo", owns: [], manages: ["APAC"] },
  { key: "lead", email: "lead@example.com", name: "Laura Schneider", role: "REGIONAL_LEAD", timeZone: "Europe/Berlin", owns: ["DACH", "NORDICS", "WESTERN_EUROPE"], manages: [] },
  { key: "leadSouth", email: "marco.bianchi@example.com", name: "Marco Bianchi", role: "REGIONAL_LEAD", timeZone: "Europe/Rome", owns: ["SOUTHERN_EUROPE", "NORTH_AMERICA", "APAC"], manages: [] },
];

const { partner: partnerOrg, partner2: partner2Org } = demoLoginOrgs();

/** The logins the start-up banner and the README print; all use DEMO_PASSWORD. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "partner@example.com", role: "PARTNER_ADMIN", description: `Partner admin of ${partnerOrg.name}, a top DACH partner with deals in every status` },
  { email: "partner2@example.com", role: "PARTNER", description: `Partner user at ${partner2Org.name} (Nordics)` },
  { email: "manager@example.com", role: "CHANNEL_MANAGER", description: "Channel manager of the DACH and Nordic partners" },
  { email: "lead@example.com", role: "REGIONAL_LEAD", description: "Regional lead for DACH, Nordics and Western Europe" },
  { email: "admin@example.com", role: "ADMIN", description: "Administrator" },
];

export type DemoPeople = {
  users: (Prisma.UserCreateManyInput & { id: string })[];
  userRegions: Prisma.UserRegionCreateManyInput[];
  adminId: string;
  /** Channel manager user id per partner org index. */
  managerOf: readonly string[];
  /** Partner user ids per partner org index; the demo login comes first where there is one. */
  orgUserIds: readonly string[][];
};

export function buildPeople(plans: readonly DemoPartnerPlan[], now: Date, passwordHash: string): DemoPeople {
  const rng = new Random("channelwise-demo:people");
  const staffSince = toWholeSecond(addDays(now, -1300).getTime());
  const users: DemoPeople["users"] = [];
  const userRegions: Prisma.UserRegionCreateManyInput[] = [];
  const staffIds = new Map<StaffKey, string>();
  for (const s of STAFF) {
    const id = rng.uuid();
    staffIds.set(s.key, id);
    users.push({ id, email: s.email, name: s.name, role: s.role, passwordHash, timeZone: s.timeZone, createdAt: staffSince, updatedAt: staffSince });
    for (const regionCode of s.owns) userRegions.push({ userId: id, regionCode });
  }
  const managerOf = plans.map((p) => {
    const manager = STAFF.find((s) => s.manages.includes(p.regionCode));
    if (!manager) throw new Error(`no channel manager for region ${p.regionCode}`);
    return staffIds.get(manager.key)!;
  });

  const orgUserIds = plans.map((plan) => {
    const emails = new Set<string>();
    const ids: string[] = [];
    const joined = addDays(now, -plan.joinedDaysAgo);
    const add = (email: string, name: string, role: UserRole, timeZone: string) => {
      const id = rng.uuid();
      const createdAt = toWholeSecond(Math.min(now.getTime(), addDays(joined, rng.int(0, 20)).getTime() + rng.int(8, 17) * 3_600_000));
      users.push({ id, email, name, role, partnerOrgId: plan.id, passwordHash, timeZone, createdAt, updatedAt: createdAt });
      ids.push(id);
      emails.add(email);
    };
    const naming = countryNaming(plan.country);
    if (plan === partnerOrg) add("partner@example.com", "Julia Becker", "PARTNER_ADMIN", naming.timeZones[0]);
    if (plan === partner2Org) add("partner2@example.com", "Erik Lindqvist", "PARTNER", naming.timeZones[0]);
    const [min, max] = ARCHETYPE_PROFILES[plan.archetype].users;
    for (let n = rng.int(min, max), i = 0; i < n; i++) {
      const person = personName(rng, languageOf(rng, plan.country));
      let email = `${emailLocalPart(person)}@${plan.slug}.example`;
      if (emails.has(email)) email = `${emailLocalPart(person)}${i + 1}@${plan.slug}.example`;
      const role: UserRole = i === 0 && plan !== partnerOrg ? "PARTNER_ADMIN" : "PARTNER";
      add(email, `${person.firstName} ${person.lastName}`, role, rng.pick(naming.timeZones));
    }
    return ids;
  });
  return { users, userRegions, adminId: staffIds.get("admin")!, managerOf, orgUserIds };
}
