-- Daily reconciliation: the payment provider's settlement files (each file once: its SHA-256), their lines, a
-- reconciled business day (a case) with its figures, every mismatch with its resolution, and risk warnings.

CREATE TABLE to_settlement_files (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    source       VARCHAR(10)   NOT NULL,
    uploaded_by  VARCHAR(64)   NOT NULL,
    uploaded_at  ${timestamp}  NOT NULL,
    line_count   INT           NOT NULL,
    total        DECIMAL(16,2) NOT NULL,
    CONSTRAINT uq_settlement_files_hash UNIQUE (sha256),
    CONSTRAINT ck_settlement_files_source CHECK (source IN ('UPLOAD', 'INBOX'))
);

CREATE TABLE to_settlement_lines (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_id     BIGINT        NOT NULL,
    line_no     INT           NOT NULL,
    reference   VARCHAR(100)  NOT NULL,
    amount      DECIMAL(14,2) NOT NULL,
    fee         DECIMAL(12,2) NOT NULL,
    value_date  DATE          NOT NULL,
    CONSTRAINT fk_settlement_lines_file FOREIGN KEY (file_id) REFERENCES to_settlement_files (id)
);
CREATE INDEX ix_settlement_lines_day ON to_settlement_lines (value_date, reference);
CREATE INDEX ix_settlement_lines_reference ON to_settlement_lines (reference);
CREATE INDEX ix_payments_created ON to_payments (created_at);

CREATE TABLE to_reconciliation_days (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    business_day        DATE          NOT NULL,
    case_id             BIGINT,
    process_instance_id VARCHAR(64),
    payments_count      INT,
    payments_total      DECIMAL(16,2),
    settled_count       INT,
    settled_total       DECIMAL(16,2),
    fees_total          DECIMAL(14,2),
    mismatch_count      INT,
    reconciled_at       ${timestamp},
    signed_off_by       VARCHAR(64),
    signed_off_at       ${timestamp},
    sign_off_comment    VARCHAR(2000),
    CONSTRAINT uq_reconciliation_days_day UNIQUE (business_day),
    CONSTRAINT fk_reconciliation_days_case FOREIGN KEY (case_id) REFERENCES to_cases (id)
);

CREATE TABLE to_reconciliation_mismatches (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    day_id              BIGINT        NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    reference           VARCHAR(100)  NOT NULL,
    payment_id          BIGINT,
    settlement_line_id  BIGINT,
    expected            DECIMAL(14,2),
    actual              DECIMAL(14,2),
    resolution          VARCHAR(12),
    note                VARCHAR(2000),
    resolved_by         VARCHAR(64),
    resolved_at         ${timestamp},
    CONSTRAINT fk_reconciliation_mismatches_day FOREIGN KEY (day_id) REFERENCES to_reconciliation_days (id),
    CONSTRAINT ck_reconciliation_mismatches_kind CHECK (kind IN ('PAID_NO_ORDER', 'ORDER_NO_MONEY', 'AMOUNT_DIFFERS', 'DUPLICATE')),
    CONSTRAINT ck_reconciliation_mismatches_resolution CHECK (resolution IS NULL
        OR resolution IN ('WRITE_OFF', 'REFUND', 'CORRECTED', 'FOLLOW_UP'))
);
CREATE INDEX ix_reconciliation_mismatches_day ON to_reconciliation_mismatches (day_id);

CREATE TABLE to_risk_warnings (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    business_day     DATE          NOT NULL,
    indicator        VARCHAR(40)   NOT NULL,
    subject          VARCHAR(100)  NOT NULL,
    indicator_value  DECIMAL(16,2) NOT NULL,
    level            VARCHAR(5)    NOT NULL,
    detail           VARCHAR(500)  NOT NULL,
    table_version    INT           NOT NULL,
    created_at       ${timestamp}  NOT NULL,
    acknowledged_by  VARCHAR(64),
    acknowledged_at  ${timestamp},
    ack_comment      VARCHAR(2000),
    CONSTRAINT uq_risk_warnings UNIQUE (business_day, indicator, subject),
    CONSTRAINT ck_risk_warnings_level CHECK (level IN ('INFO', 'WARN', 'ALERT'))
);
CREATE INDEX ix_risk_warnings_open ON to_risk_warnings (acknowledged_at, level);
