-- Idempotency-Keys for registering a complaint and submitting a procurement request: a retry by the same user with
-- the same key answers the first one (the unique key decides between concurrent retries); the hash is of the body.

ALTER TABLE to_complaints ADD COLUMN idempotency_key VARCHAR(100);
ALTER TABLE to_complaints ADD COLUMN idempotency_hash VARCHAR(64);
ALTER TABLE to_complaints ADD CONSTRAINT uq_complaints_idempotency UNIQUE (registered_by, idempotency_key);

ALTER TABLE to_procurement_requests ADD COLUMN idempotency_key VARCHAR(100);
ALTER TABLE to_procurement_requests ADD COLUMN idempotency_hash VARCHAR(64);
ALTER TABLE to_procurement_requests ADD CONSTRAINT uq_procurement_requests_idempotency UNIQUE (requested_by, idempotency_key);
