-- Write-offs: when a show has ended (or, once its refunds are done, was cancelled), each category's unsold and void
-- tickets are written off once (a unique key per category) at unit cost; above a limit finance approves first.
-- A write-off with something to write off is a case (PENDING, then POSTED or REFUSED); one with nothing just marks
-- the category as handled.
-- Finance postings: the center's journal lines, by business day (write-offs now, the daily reconciliation's
-- corrections later); a line is never changed, a correction is a new line that refers to what it corrects.

CREATE TABLE to_write_offs (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    category_id   BIGINT        NOT NULL,
    show_id       BIGINT        NOT NULL,
    reason        VARCHAR(12)   NOT NULL,
    unsold_qty    INT           NOT NULL,
    void_qty      INT           NOT NULL,
    unit_cost     DECIMAL(12,2),
    amount        DECIMAL(14,2) NOT NULL,
    case_id       BIGINT,
    needs_approval BOOLEAN      NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    ${timestamp},
    decision_comment VARCHAR(2000),
    written_unsold INT,
    movement_id   BIGINT,
    posted_at     ${timestamp},
    process_instance_id VARCHAR(64),
    created_at    ${timestamp}  NOT NULL,
    CONSTRAINT uq_write_offs_category UNIQUE (category_id),
    CONSTRAINT fk_write_offs_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT fk_write_offs_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT fk_write_offs_case FOREIGN KEY (case_id) REFERENCES to_cases (id),
    CONSTRAINT ck_write_offs_reason CHECK (reason IN ('ENDED', 'CANCELLED'))
);
CREATE INDEX ix_write_offs_show ON to_write_offs (show_id);

CREATE TABLE to_finance_postings (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    business_day  DATE          NOT NULL,
    account       VARCHAR(40)   NOT NULL,
    amount        DECIMAL(14,2) NOT NULL,
    reference     VARCHAR(64)   NOT NULL,
    corrects_day  DATE,
    description   VARCHAR(500)  NOT NULL,
    posted_by     VARCHAR(64)   NOT NULL,
    posted_at     ${timestamp}  NOT NULL,
    CONSTRAINT uq_finance_postings_line UNIQUE (reference, account)
);
CREATE INDEX ix_finance_postings_day ON to_finance_postings (business_day, account);
