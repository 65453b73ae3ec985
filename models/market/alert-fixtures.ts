// Test fixtures for the alert tests: a market source and items written directly with Prisma, the
// way the scrape job stores them (canonical URL unique, normalized title, content hash).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client.ts";
import type { ContentType } from "../db/generated/enums.ts";

export type FixtureSource = { name?: string; contentType?: ContentType; regionCodes?: string[]; keywords?: string[]; competitors?: string[] };

export async function createSource(db: PrismaClient, source: FixtureSource = {}): Promise<string> {
  const created = await db.marketSource.create({
    data: {
      name: source.name ?? "Test tenders",
      url: `https://tenders.example.com/${randomUUID()}`,
      kind: "HTML",
      contentType: source.contentType ?? "TENDER",
      regionCodes: source.regionCodes ?? ["DACH", "NORDICS", "WESTERN_EUROPE", "SOUTHERN_EUROPE"],
      keywords: source.keywords ?? ["ERP", "MES", "payroll"],
      competitors: source.competitors ?? ["Odoo", "Sage X3"],
      enabled: false,
    },
    select: { id: true },
  });
  return created.id;
}

export type FixtureItem = {
  title: string;
  summary?: string | null;
  location?: string | null;
  deadline?: Date | null;
  contentType?: ContentType;
  url?: string;
  firstSeenAt?: Date;
};

export async function createItem(db: PrismaClient, sourceId: string, item: FixtureItem): Promise<string> {
  const created = await db.marketItem.create({
    data: {
      sourceId,
      contentType: item.contentType ?? "TENDER",
      canonicalUrl: item.url ?? `https://tenders.example.com/notice/${randomUUID()}`,
      contentHash: randomUUID(),
      title: item.title,
      normalizedTitle: item.title.toLowerCase(),
      summary: item.summary ?? null,
      location: item.location ?? null,
      deadline: item.deadline ?? null,
      ...(item.firstSeenAt ? { firstSeenAt: item.firstSeenAt, lastSeenAt: item.firstSeenAt } : {}),
    },
    select: { id: true },
  });
  return created.id;
}
