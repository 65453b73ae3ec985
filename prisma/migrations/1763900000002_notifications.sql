-- Up Migration
-- Notifications (issue 3). In-app notifications get a per-recipient idempotency key, so a
-- retried job or handler never notifies twice; the e-mail outbox gets the time a mail may next
-- be tried: the back-off after a failed attempt, and the lease that keeps two workers from
-- sending the same mail while one of them is sending it. NULL means "due now".
ALTER TABLE notification ADD COLUMN idempotency_key text UNIQUE;

ALTER TABLE email_outbox ADD COLUMN next_attempt_at timestamptz(3);
CREATE INDEX email_outbox_due_idx ON email_outbox (created_at) WHERE status = 'PENDING';
