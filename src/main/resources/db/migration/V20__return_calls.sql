-- Return calls: customer service calls back a customer whose complaint closed a week ago, or who gave a low survey
-- score; one call per reason and reference (a day's run repeated adds nothing), with its outcome.
CREATE TABLE to_return_calls (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id            BIGINT        NOT NULL,
    reason                 VARCHAR(20)   NOT NULL,
    reference              VARCHAR(64)   NOT NULL,
    planned_on             DATE          NOT NULL,
    outcome                VARCHAR(20),
    notes                  VARCHAR(2000),
    called_by              VARCHAR(64),
    called_at              ${timestamp},
    follow_up_complaint_id BIGINT,
    CONSTRAINT uq_return_calls UNIQUE (reason, reference),
    CONSTRAINT fk_return_calls_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT ck_return_calls_reason CHECK (reason IN ('COMPLAINT_CLOSED', 'LOW_SCORE')),
    CONSTRAINT ck_return_calls_outcome CHECK (outcome IS NULL OR outcome IN ('REACHED', 'NOT_REACHED'))
);
