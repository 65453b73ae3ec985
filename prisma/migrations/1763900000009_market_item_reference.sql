-- Up Migration
-- Market items keep the tender's own reference (e.g. a UN Global Marketplace notice number), the
-- identifier a bidder quotes; sources read it with the optional `reference` selector.
ALTER TABLE market_item ADD COLUMN reference text;
