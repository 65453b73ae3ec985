-- Up Migration
-- Deal win probability (issue 5): each training run of the `score-deals` model, with its
-- serialized coefficients and scaling, and its quality on a time-based holdout of closed deals.
CREATE TABLE deal_score_model (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trained_at    timestamptz(3) NOT NULL DEFAULT now(),
  status        run_status NOT NULL DEFAULT 'RUNNING',
  features      text[] NOT NULL DEFAULT '{}',
  model         jsonb,
  auc           double precision,
  brier         double precision,
  base_rate     double precision,
  n_train       integer,
  n_test        integer,
  holdout_from  date,
  params        jsonb,
  error         text
);
CREATE INDEX deal_score_model_trained_idx ON deal_score_model (status, trained_at);
