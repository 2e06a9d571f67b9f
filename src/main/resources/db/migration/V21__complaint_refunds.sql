-- A complaint resolved with a refund names the refund request it started (the request's note names the complaint).
ALTER TABLE to_complaints ADD COLUMN refund_request_id BIGINT;
ALTER TABLE to_complaints ADD CONSTRAINT fk_complaints_refund_request FOREIGN KEY (refund_request_id) REFERENCES to_refund_requests (id);
CREATE INDEX ix_complaints_refund_request ON to_complaints (refund_request_id);
