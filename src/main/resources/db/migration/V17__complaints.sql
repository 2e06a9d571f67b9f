-- Complaints: each one a case with its responsible group, level, deadlines (moved by the time the clock was paused
-- while waiting for the customer), every pause, every breach, and how it was resolved.

CREATE TABLE to_complaints (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id               BIGINT,
    customer_id           BIGINT        NOT NULL,
    order_id              BIGINT,
    show_id               BIGINT,
    channel               VARCHAR(10)   NOT NULL,
    category              VARCHAR(20)   NOT NULL,
    severity              VARCHAR(10)   NOT NULL,
    description           ${text}       NOT NULL,
    responsible_group     VARCHAR(64)   NOT NULL,
    level                 INT           DEFAULT 0 NOT NULL,
    registered_by         VARCHAR(64)   NOT NULL,
    registered_at         ${timestamp}  NOT NULL,
    first_response_due    ${timestamp}  NOT NULL,
    resolution_due        ${timestamp}  NOT NULL,
    first_responded_at    ${timestamp},
    paused_at             ${timestamp},
    paused_seconds        BIGINT        DEFAULT 0 NOT NULL,
    findings              VARCHAR(4000),
    root_cause            VARCHAR(30),
    resolution            VARCHAR(30),
    satisfied             BOOLEAN,
    satisfaction_score    INT,
    resolved_at           ${timestamp},
    process_instance_id   VARCHAR(64),
    updated_at            ${timestamp}  NOT NULL,
    CONSTRAINT fk_complaints_case FOREIGN KEY (case_id) REFERENCES to_cases (id),
    CONSTRAINT fk_complaints_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT fk_complaints_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT fk_complaints_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT ck_complaints_channel CHECK (channel IN ('PHONE', 'ONLINE', 'SOCIAL', 'ON_SITE')),
    CONSTRAINT ck_complaints_category CHECK (category IN ('TICKETING_ERROR', 'REFUND', 'PAYMENT', 'SERVICE_ATTITUDE',
        'EVENT_QUALITY', 'OTHER')),
    CONSTRAINT ck_complaints_severity CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT ck_complaints_level CHECK (level BETWEEN 0 AND 2),
    CONSTRAINT ck_complaints_score CHECK (satisfaction_score IS NULL OR satisfaction_score BETWEEN 1 AND 5)
);
CREATE INDEX ix_complaints_customer ON to_complaints (customer_id, registered_at);
CREATE INDEX ix_complaints_group ON to_complaints (responsible_group, registered_at);

-- the clock stops while the complaint waits for the customer; one row per pause
CREATE TABLE to_complaint_pauses (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL,
    asked         VARCHAR(2000) NOT NULL,
    paused_at     ${timestamp}  NOT NULL,
    resumed_at    ${timestamp},
    reply         VARCHAR(4000),
    CONSTRAINT fk_complaint_pauses_complaint FOREIGN KEY (complaint_id) REFERENCES to_complaints (id)
);

-- a deadline passed: which one, at which level, when; at most one per deadline and level
CREATE TABLE to_complaint_breaches (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL,
    deadline      VARCHAR(20)   NOT NULL,
    level         INT           NOT NULL,
    due_at        ${timestamp}  NOT NULL,
    recorded_at   ${timestamp}  NOT NULL,
    CONSTRAINT fk_complaint_breaches_complaint FOREIGN KEY (complaint_id) REFERENCES to_complaints (id),
    CONSTRAINT uq_complaint_breaches UNIQUE (complaint_id, deadline, level),
    CONSTRAINT ck_complaint_breaches_deadline CHECK (deadline IN ('FIRST_RESPONSE', 'RESOLUTION'))
);
