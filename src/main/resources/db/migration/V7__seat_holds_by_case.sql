-- Seat holds belong to the catalog (inventory): a hold is held for a case (an exchange now, a presale or a
-- price change later), not for a refund request.
ALTER TABLE to_seat_holds ADD COLUMN case_id BIGINT;
UPDATE to_seat_holds SET case_id = (SELECT r.case_id FROM to_refund_requests r WHERE r.id = to_seat_holds.request_id);
ALTER TABLE to_seat_holds DROP CONSTRAINT fk_holds_request;
ALTER TABLE to_seat_holds DROP CONSTRAINT uq_holds_request;
ALTER TABLE to_seat_holds DROP COLUMN request_id;
ALTER TABLE to_seat_holds ADD CONSTRAINT fk_holds_case FOREIGN KEY (case_id) REFERENCES to_cases (id);
ALTER TABLE to_seat_holds ADD CONSTRAINT uq_holds_case UNIQUE (case_id);
