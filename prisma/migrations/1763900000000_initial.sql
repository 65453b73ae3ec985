-- Up Migration
-- The whole Channelwise data model (DESIGN.md §3). prisma/schema.prisma mirrors this file;
-- models/db/schema.test.ts proves every model round-trips through Prisma.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE partner_tier AS ENUM ('REGISTERED', 'SILVER', 'GOLD', 'PLATINUM');
CREATE TYPE partner_type AS ENUM ('RESELLER', 'DISTRIBUTOR', 'SYSTEM_INTEGRATOR', 'MSP');
CREATE TYPE partner_status AS ENUM ('PROSPECT', 'ACTIVE', 'SUSPENDED', 'TERMINATED');
CREATE TYPE user_role AS ENUM ('PARTNER', 'PARTNER_ADMIN', 'CHANNEL_MANAGER', 'REGIONAL_LEAD', 'ADMIN');
CREATE TYPE deal_status AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'WON', 'LOST', 'EXPIRED');
CREATE TYPE deal_stage AS ENUM ('QUALIFY', 'DEVELOP', 'PROPOSE', 'NEGOTIATE', 'CLOSED');
CREATE TYPE activity_kind AS ENUM ('LOGIN', 'TRAINING', 'CERTIFICATION', 'DEMO', 'SOLUTION_SUBMITTED', 'MARKETING_EVENT');
CREATE TYPE program_kind AS ENUM ('COMMISSION', 'TIERED_REBATE', 'SPIFF', 'NEW_PRODUCT_FIRST_ORDER', 'ACTION_REWARD', 'REGIONAL_BOOST', 'SEGMENT_ACCELERATOR');
CREATE TYPE program_status AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');
CREATE TYPE ledger_kind AS ENUM ('ACCRUAL', 'CLAWBACK', 'ADJUSTMENT', 'PAYOUT');
CREATE TYPE run_status AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');
CREATE TYPE source_kind AS ENUM ('RSS', 'HTML', 'JS');
CREATE TYPE content_type AS ENUM ('TENDER', 'COMPETITOR', 'INDUSTRY');
CREATE TYPE alert_severity AS ENUM ('LOW', 'MEDIUM', 'HIGH');
CREATE TYPE email_status AS ENUM ('PENDING', 'SENT', 'FAILED');

CREATE TABLE region (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  name        text NOT NULL,
  currency    char(3) NOT NULL DEFAULT 'EUR',
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE partner_org (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL,
  tier                partner_tier NOT NULL DEFAULT 'REGISTERED',
  type                partner_type NOT NULL DEFAULT 'RESELLER',
  status              partner_status NOT NULL DEFAULT 'ACTIVE',
  region_code         text NOT NULL REFERENCES region(code),
  country             char(2) NOT NULL,
  industries          text[] NOT NULL DEFAULT '{}',
  website             text,
  parent_id           uuid REFERENCES partner_org(id),
  channel_manager_id  uuid,
  joined_at           date NOT NULL DEFAULT current_date,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  updated_at          timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX partner_org_region_tier_idx ON partner_org (region_code, tier);
CREATE INDEX partner_org_parent_idx ON partner_org (parent_id);
CREATE INDEX partner_org_manager_idx ON partner_org (channel_manager_id);
CREATE INDEX partner_org_name_trgm_idx ON partner_org USING gin (name gin_trgm_ops);

CREATE TABLE app_user (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL UNIQUE CHECK (email = lower(email)),
  name            text NOT NULL,
  role            user_role NOT NULL,
  partner_org_id  uuid REFERENCES partner_org(id),
  password_hash   text NOT NULL,
  locale          text NOT NULL DEFAULT 'en',
  time_zone       text NOT NULL DEFAULT 'UTC',
  disabled_at     timestamptz(3),
  last_login_at   timestamptz(3),
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  updated_at      timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((role IN ('PARTNER', 'PARTNER_ADMIN')) = (partner_org_id IS NOT NULL))
);
CREATE INDEX app_user_partner_org_idx ON app_user (partner_org_id);
ALTER TABLE partner_org ADD CONSTRAINT partner_org_channel_manager_fk
  FOREIGN KEY (channel_manager_id) REFERENCES app_user(id) ON DELETE SET NULL;

CREATE TABLE user_region (
  user_id      uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  region_code  text NOT NULL REFERENCES region(code),
  PRIMARY KEY (user_id, region_code)
);
CREATE INDEX user_region_region_idx ON user_region (region_code);

CREATE TABLE session (
  id            text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL,
  last_seen_at  timestamptz(3) NOT NULL DEFAULT now(),
  revoked_at    timestamptz(3),
  ip_address    text,
  user_agent    text
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE login_attempt (
  id          bigserial PRIMARY KEY,
  email       text NOT NULL,
  ip_address  text NOT NULL,
  succeeded   boolean NOT NULL,
  at          timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_email_ip_idx ON login_attempt (email, ip_address, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip_address, at);

CREATE TABLE product (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sku                   text NOT NULL UNIQUE,
  name                  text NOT NULL,
  line                  text NOT NULL,
  is_new                boolean NOT NULL DEFAULT false,
  is_strategic          boolean NOT NULL DEFAULT false,
  margin_basis_points   integer NOT NULL DEFAULT 0 CHECK (margin_basis_points BETWEEN 0 AND 10000),
  list_price            bigint NOT NULL DEFAULT 0 CHECK (list_price >= 0),
  currency              char(3) NOT NULL DEFAULT 'EUR',
  active                boolean NOT NULL DEFAULT true,
  created_at            timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE customer (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text NOT NULL,
  normalized_name  text NOT NULL,
  domain           text,
  country          char(2) NOT NULL,
  industry         text,
  created_at       timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX customer_normalized_name_trgm_idx ON customer USING gin (normalized_name gin_trgm_ops);
CREATE INDEX customer_country_name_idx ON customer (country, normalized_name);
CREATE INDEX customer_domain_idx ON customer (domain) WHERE domain IS NOT NULL;

CREATE TABLE deal (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_org_id         uuid NOT NULL REFERENCES partner_org(id),
  customer_id            uuid NOT NULL REFERENCES customer(id),
  registered_by_id       uuid REFERENCES app_user(id) ON DELETE SET NULL,
  title                  text NOT NULL,
  amount                 bigint NOT NULL CHECK (amount >= 0),
  currency               char(3) NOT NULL,
  expected_close_date    date NOT NULL,
  stage                  deal_stage NOT NULL DEFAULT 'QUALIFY',
  status                 deal_status NOT NULL DEFAULT 'SUBMITTED',
  notes                  text,
  submitted_at           timestamptz(3) NOT NULL DEFAULT now(),
  decided_at             timestamptz(3),
  decided_by_id          uuid REFERENCES app_user(id) ON DELETE SET NULL,
  rejection_reason       text,
  protection_expires_at  timestamptz(3),
  closed_at              timestamptz(3),
  closed_amount          bigint CHECK (closed_amount >= 0),
  conflict_score         double precision CHECK (conflict_score BETWEEN 0 AND 1),
  conflicts              jsonb NOT NULL DEFAULT '[]',
  win_probability        double precision CHECK (win_probability BETWEEN 0 AND 1),
  win_reasons            jsonb,
  client_request_id      text,
  created_at             timestamptz(3) NOT NULL DEFAULT now(),
  updated_at             timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (partner_org_id, client_request_id)
);
CREATE INDEX deal_partner_status_idx ON deal (partner_org_id, status);
CREATE INDEX deal_customer_status_idx ON deal (customer_id, status);
CREATE INDEX deal_status_expiry_idx ON deal (status, protection_expires_at);
CREATE INDEX deal_status_submitted_idx ON deal (status, submitted_at);

CREATE TABLE deal_product (
  deal_id     uuid NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
  product_id  uuid NOT NULL REFERENCES product(id),
  PRIMARY KEY (deal_id, product_id)
);
CREATE INDEX deal_product_product_idx ON deal_product (product_id);

CREATE TABLE deal_event (
  id             bigserial PRIMARY KEY,
  deal_id        uuid NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
  actor_user_id  uuid REFERENCES app_user(id) ON DELETE SET NULL,
  action         text NOT NULL,
  note           text,
  data           jsonb,
  at             timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX deal_event_deal_idx ON deal_event (deal_id, at);

CREATE TABLE activity (
  id              bigserial PRIMARY KEY,
  partner_org_id  uuid NOT NULL REFERENCES partner_org(id),
  user_id         uuid REFERENCES app_user(id) ON DELETE SET NULL,
  kind            activity_kind NOT NULL,
  detail          text,
  occurred_at     timestamptz(3) NOT NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX activity_partner_kind_idx ON activity (partner_org_id, kind, occurred_at);

CREATE TABLE sales_record (
  id              bigserial PRIMARY KEY,
  partner_org_id  uuid REFERENCES partner_org(id),
  region_code     text NOT NULL REFERENCES region(code),
  product_id      uuid NOT NULL REFERENCES product(id),
  deal_id         uuid REFERENCES deal(id) ON DELETE SET NULL,
  sold_on         date NOT NULL,
  amount          bigint NOT NULL,
  currency        char(3) NOT NULL,
  external_ref    text UNIQUE,
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX sales_record_region_date_idx ON sales_record (region_code, sold_on);
CREATE INDEX sales_record_partner_date_idx ON sales_record (partner_org_id, sold_on);

CREATE TABLE incentive_program (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key             text NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  name            text NOT NULL,
  kind            program_kind NOT NULL,
  status          program_status NOT NULL DEFAULT 'DRAFT',
  rules           jsonb NOT NULL,
  currency        char(3) NOT NULL DEFAULT 'EUR',
  budget_cap      bigint CHECK (budget_cap >= 0),
  effective_from  date NOT NULL,
  effective_to    date,
  created_by_id   uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  activated_at    timestamptz(3),
  archived_at     timestamptz(3),
  UNIQUE (key, version),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX incentive_program_status_idx ON incentive_program (status, kind);

CREATE TABLE incentive_ledger_entry (
  id                bigserial PRIMARY KEY,
  partner_org_id    uuid NOT NULL REFERENCES partner_org(id),
  program_id        uuid REFERENCES incentive_program(id),
  kind              ledger_kind NOT NULL,
  amount            bigint NOT NULL,
  currency          char(3) NOT NULL,
  deal_id           uuid REFERENCES deal(id),
  sales_record_id   bigint REFERENCES sales_record(id),
  activity_id       bigint REFERENCES activity(id),
  explanation       text NOT NULL,
  explanation_data  jsonb NOT NULL DEFAULT '{}',
  idempotency_key   text NOT NULL UNIQUE,
  created_by_id     uuid REFERENCES app_user(id),
  occurred_at       timestamptz(3) NOT NULL,
  created_at        timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX ledger_partner_date_idx ON incentive_ledger_entry (partner_org_id, occurred_at);
CREATE INDEX ledger_deal_idx ON incentive_ledger_entry (deal_id);

-- The ledger is append-only: corrections are new entries, never edits.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'incentive_ledger_entry is append-only';
END $$;
CREATE TRIGGER incentive_ledger_entry_append_only
  BEFORE UPDATE OR DELETE ON incentive_ledger_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE TABLE partner_features (
  partner_org_id       uuid NOT NULL REFERENCES partner_org(id) ON DELETE CASCADE,
  as_of                date NOT NULL,
  computed_at          timestamptz(3) NOT NULL DEFAULT now(),
  revenue_12m          bigint NOT NULL,
  revenue_prev_12m     bigint NOT NULL,
  growth               double precision,
  deal_count_12m       integer NOT NULL,
  won_count_12m        integer NOT NULL,
  lost_count_12m       integer NOT NULL,
  win_rate             double precision,
  avg_deal_size        bigint,
  cycle_days           double precision,
  logins_90d           integer NOT NULL,
  trainings_12m        integer NOT NULL,
  certifications_12m   integer NOT NULL,
  demos_12m            integer NOT NULL,
  solutions_12m        integer NOT NULL,
  product_breadth      integer NOT NULL,
  PRIMARY KEY (partner_org_id, as_of)
);
CREATE INDEX partner_features_as_of_idx ON partner_features (as_of);

CREATE TABLE segment_run (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status       run_status NOT NULL DEFAULT 'RUNNING',
  started_at   timestamptz(3) NOT NULL DEFAULT now(),
  finished_at  timestamptz(3),
  k            integer,
  features     text[] NOT NULL DEFAULT '{}',
  silhouette   double precision,
  sizes        jsonb,
  centroids    jsonb,
  segments     jsonb,
  quality      jsonb,
  params       jsonb,
  error        text
);
CREATE INDEX segment_run_finished_idx ON segment_run (status, finished_at);

CREATE TABLE partner_score (
  id              bigserial PRIMARY KEY,
  run_id          uuid NOT NULL REFERENCES segment_run(id) ON DELETE CASCADE,
  partner_org_id  uuid NOT NULL REFERENCES partner_org(id) ON DELETE CASCADE,
  segment_index   integer NOT NULL,
  segment_label   text NOT NULL,
  distance        double precision NOT NULL,
  health_score    double precision CHECK (health_score BETWEEN 0 AND 100),
  health_reasons  jsonb,
  churn_risk      double precision CHECK (churn_risk BETWEEN 0 AND 1),
  churn_reasons   jsonb,
  features        jsonb,
  UNIQUE (run_id, partner_org_id)
);
CREATE INDEX partner_score_partner_idx ON partner_score (partner_org_id);

CREATE TABLE forecast_run (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status       run_status NOT NULL DEFAULT 'RUNNING',
  started_at   timestamptz(3) NOT NULL DEFAULT now(),
  finished_at  timestamptz(3),
  horizon      integer NOT NULL DEFAULT 12 CHECK (horizon BETWEEN 1 AND 60),
  params       jsonb,
  error        text
);

CREATE TABLE region_forecast (
  id             bigserial PRIMARY KEY,
  run_id         uuid NOT NULL REFERENCES forecast_run(id) ON DELETE CASCADE,
  region_code    text NOT NULL REFERENCES region(code),
  product_line   text NOT NULL DEFAULT '',
  month          date NOT NULL,
  p10            bigint NOT NULL,
  p50            bigint NOT NULL,
  p90            bigint NOT NULL,
  currency       char(3) NOT NULL,
  model          text NOT NULL,
  model_json     jsonb,
  backtest       jsonb,
  UNIQUE (run_id, region_code, product_line, month),
  CHECK (p10 <= p50 AND p50 <= p90)
);
CREATE INDEX region_forecast_region_idx ON region_forecast (region_code, month);

CREATE TABLE market_source (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                  text NOT NULL,
  url                   text NOT NULL CHECK (url ~* '^https?://'),
  kind                  source_kind NOT NULL,
  content_type          content_type NOT NULL,
  region_codes          text[] NOT NULL DEFAULT '{}',
  competitors           text[] NOT NULL DEFAULT '{}',
  keywords              text[] NOT NULL DEFAULT '{}',
  schedule              text NOT NULL DEFAULT '0 * * * *',
  enabled               boolean NOT NULL DEFAULT true,
  selectors             jsonb,
  created_by_id         uuid REFERENCES app_user(id) ON DELETE SET NULL,
  last_run_at           timestamptz(3),
  last_success_at       timestamptz(3),
  last_status           text,
  last_error            text,
  consecutive_failures  integer NOT NULL DEFAULT 0,
  etag                  text,
  last_modified         text,
  created_at            timestamptz(3) NOT NULL DEFAULT now(),
  updated_at            timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE market_item (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id            uuid NOT NULL REFERENCES market_source(id) ON DELETE CASCADE,
  content_type         content_type NOT NULL,
  canonical_url        text NOT NULL UNIQUE,
  content_hash         text NOT NULL,
  title                text NOT NULL,
  normalized_title     text NOT NULL,
  summary              text,
  published_at         timestamptz(3),
  deadline             timestamptz(3),
  value_amount         bigint,
  value_currency       char(3),
  location             text,
  region_codes         text[] NOT NULL DEFAULT '{}',
  matched_keywords     text[] NOT NULL DEFAULT '{}',
  matched_competitors  text[] NOT NULL DEFAULT '{}',
  first_seen_at        timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at         timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX market_item_hash_idx ON market_item (content_hash);
CREATE INDEX market_item_title_trgm_idx ON market_item USING gin (normalized_title gin_trgm_ops);

CREATE TABLE alert (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id               uuid NOT NULL REFERENCES market_item(id) ON DELETE CASCADE,
  user_id               uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  region_code           text REFERENCES region(code),
  relevance             double precision NOT NULL CHECK (relevance BETWEEN 0 AND 1),
  severity              alert_severity NOT NULL DEFAULT 'LOW',
  reasons               jsonb NOT NULL DEFAULT '[]',
  recommended_partners  jsonb NOT NULL DEFAULT '[]',
  read_at               timestamptz(3),
  created_at            timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (item_id, user_id)
);
CREATE INDEX alert_user_idx ON alert (user_id, read_at, created_at);

CREATE TABLE notification (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text,
  link        text,
  data        jsonb,
  read_at     timestamptz(3),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX notification_user_idx ON notification (user_id, read_at, created_at);

CREATE TABLE email_outbox (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address       text NOT NULL,
  subject          text NOT NULL,
  text_body        text NOT NULL,
  html_body        text,
  status           email_status NOT NULL DEFAULT 'PENDING',
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  idempotency_key  text UNIQUE,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  sent_at          timestamptz(3)
);
CREATE INDEX email_outbox_status_idx ON email_outbox (status, created_at);

CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  at               timestamptz(3) NOT NULL DEFAULT now(),
  actor_user_id    uuid REFERENCES app_user(id) ON DELETE SET NULL,
  actor_api_key_id uuid,
  action           text NOT NULL,
  entity_type      text NOT NULL,
  entity_id        text,
  partner_org_id   uuid REFERENCES partner_org(id) ON DELETE SET NULL,
  ip_address       text,
  data             jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TABLE api_key (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL,
  prefix          text NOT NULL,
  key_hash        text NOT NULL UNIQUE,
  user_id         uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_by_id   uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at    timestamptz(3),
  expires_at      timestamptz(3),
  revoked_at      timestamptz(3)
);
CREATE INDEX api_key_user_idx ON api_key (user_id);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_api_key_fk
  FOREIGN KEY (actor_api_key_id) REFERENCES api_key(id) ON DELETE SET NULL;

CREATE TABLE setting (
  key            text PRIMARY KEY,
  value          jsonb NOT NULL,
  updated_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_by_id  uuid REFERENCES app_user(id) ON DELETE SET NULL
);
