-- Up Migration
-- Market alerts (issue 7): a lead forwarding a tender to a partner as a lead (once per alert and
-- partner, with the lead's note), and the daily e-mail digest's bookkeeping (one per lead and
-- local day; the window it covered, so the next digest starts where this one ended).
CREATE TABLE alert_forward (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alert_id        uuid NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
  partner_org_id  uuid NOT NULL REFERENCES partner_org(id) ON DELETE CASCADE,
  forwarded_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  note            text,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (alert_id, partner_org_id)
);

CREATE TABLE alert_digest (
  user_id      uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  digest_date  date NOT NULL,
  window_start timestamptz(3) NOT NULL,
  window_end   timestamptz(3) NOT NULL,
  alert_count  integer NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, digest_date)
);
CREATE INDEX alert_digest_user_end_idx ON alert_digest (user_id, window_end);
