-- Up Migration
-- Deal registration (issue 3): extension requests on approved deals, and the indexes that keep
-- the conflict check within its budget (p95 ≤ 50 ms on 1,000,000 deals, bench/deal-conflicts.ts).

CREATE EXTENSION IF NOT EXISTS btree_gin;

-- A partner's pending request to extend the protection period (history is in deal_event).
ALTER TABLE deal
  ADD COLUMN extension_requested_at timestamptz(3),
  ADD COLUMN extension_reason text,
  ADD CONSTRAINT deal_extension_reason_check CHECK ((extension_requested_at IS NULL) = (extension_reason IS NULL));

-- Only active registrations (submitted, or approved and protected) can conflict: the join from a
-- candidate customer to its deals reads this small index instead of every deal ever registered.
CREATE INDEX deal_active_customer_idx ON deal (customer_id)
  INCLUDE (partner_org_id, status, protection_expires_at)
  WHERE status IN ('SUBMITTED', 'APPROVED');

-- Candidate customers: same country first, then an exact registrable domain or a similar name.
CREATE INDEX customer_country_domain_idx ON customer (country, domain) WHERE domain IS NOT NULL;
CREATE INDEX customer_country_name_trgm_idx ON customer USING gin (country, normalized_name gin_trgm_ops);

-- Pending extension requests for the channel manager's queue.
CREATE INDEX deal_extension_requested_idx ON deal (extension_requested_at) WHERE extension_requested_at IS NOT NULL;
