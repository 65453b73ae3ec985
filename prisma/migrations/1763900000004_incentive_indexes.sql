-- Up Migration
-- Incentive recompute at scale (issue 4). A recompute scoped to one partner still reads every
-- partner's deals a shared budget (a SPIFF, a budget cap) counts: the deals won in that
-- programme's window. Without this index that is a scan of every deal.
CREATE INDEX deal_status_closed_idx ON deal (status, closed_at);
