-- Up Migration
-- Market sources (issue 7): storing scraped items compares each new one with the items seen in
-- the last 30 days (near-identical titles across sources), so that window is read by index.
CREATE INDEX market_item_last_seen_idx ON market_item (last_seen_at);
