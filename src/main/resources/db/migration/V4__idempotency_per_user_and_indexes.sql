-- An Idempotency-Key belongs to the user who sent it, and a key reused with another body is refused:
-- the request's body hash is kept beside the key.
ALTER TABLE to_refund_requests ADD COLUMN idempotency_hash VARCHAR(64);
ALTER TABLE to_refund_requests ${drop_unique} uq_refund_requests_idempotency;
ALTER TABLE to_refund_requests ADD CONSTRAINT uq_refund_requests_idempotency_user UNIQUE (requested_by, idempotency_key);
CREATE INDEX ix_refund_requests_process ON to_refund_requests (process_instance_id);
CREATE INDEX ix_payments_reference ON to_payments (reference);
