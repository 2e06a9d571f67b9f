-- The case kernel: every business case a process runs, with its status, and a row for every status change.
CREATE TABLE to_cases (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_type           VARCHAR(40)  NOT NULL,
    business_key        VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64),
    status              VARCHAR(30)  NOT NULL,
    opened_by           VARCHAR(64)  NOT NULL,
    opened_at           ${timestamp} NOT NULL,
    closed_at           ${timestamp},
    due_at              ${timestamp},
    updated_at          ${timestamp} NOT NULL,
    CONSTRAINT uq_cases_key UNIQUE (case_type, business_key)
);
CREATE INDEX ix_cases_process ON to_cases (process_instance_id);
CREATE INDEX ix_cases_status ON to_cases (case_type, status, opened_at);

CREATE TABLE to_case_transitions (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    from_status VARCHAR(30),
    to_status   VARCHAR(30)  NOT NULL,
    occurred_at ${timestamp} NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500),
    CONSTRAINT fk_case_transitions_case FOREIGN KEY (case_id) REFERENCES to_cases (id)
);

-- Refund requests become cases: their status and closing time move to to_cases (one place, no copy).
ALTER TABLE to_refund_requests ADD COLUMN case_id BIGINT;
INSERT INTO to_cases (case_type, business_key, process_instance_id, status, opened_by, opened_at, closed_at, updated_at)
SELECT 'REFUND_REQUEST', CASE WHEN id < 1000000 THEN CONCAT('R-', LPAD(id, 6, '0')) ELSE CONCAT('R-', id) END, process_instance_id, status, requested_by, requested_at,
       closed_at, updated_at
FROM to_refund_requests;
INSERT INTO to_case_transitions (case_id, from_status, to_status, occurred_at, actor, reason)
SELECT id, NULL, status, updated_at, 'system', 'carried over when refunds became cases' FROM to_cases;
UPDATE to_refund_requests SET case_id = (SELECT c.id FROM to_cases c WHERE c.case_type = 'REFUND_REQUEST'
    AND c.business_key = CASE WHEN to_refund_requests.id < 1000000 THEN CONCAT('R-', LPAD(to_refund_requests.id, 6, '0'))
                              ELSE CONCAT('R-', to_refund_requests.id) END);
ALTER TABLE to_refund_requests ADD CONSTRAINT fk_refund_requests_case FOREIGN KEY (case_id) REFERENCES to_cases (id);
ALTER TABLE to_refund_requests DROP CONSTRAINT ck_refund_requests_status;
-- the new customer index first: MySQL keeps the customer foreign key on an index that starts with customer_id
CREATE INDEX ix_refund_requests_customer_time ON to_refund_requests (customer_id, requested_at);
DROP INDEX ix_refund_requests_customer ON to_refund_requests;
DROP INDEX ix_refund_requests_status ON to_refund_requests;
ALTER TABLE to_refund_requests DROP COLUMN status;
ALTER TABLE to_refund_requests DROP COLUMN closed_at;
