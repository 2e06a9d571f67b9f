-- Price changes: each request (a case) with its assessed impact, every approver's decision, the announcement
-- customers see, and the quotes given (so that a price change knows whose open quotes it affects).

CREATE TABLE to_price_changes (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id               BIGINT,
    category_id           BIGINT        NOT NULL,
    show_id               BIGINT        NOT NULL,
    -- the category while the change is open, NULL once it is closed: one open change per category (a unique key)
    open_category_id      BIGINT,
    old_price             DECIMAL(12,2) NOT NULL,
    new_price             DECIMAL(12,2) NOT NULL,
    reason                VARCHAR(20)   NOT NULL,
    effective_at          ${timestamp}  NOT NULL,
    justification         VARCHAR(2000) NOT NULL,
    requested_by          VARCHAR(64)   NOT NULL,
    requested_at          ${timestamp}  NOT NULL,
    change_percent        DECIMAL(9,2),
    unit_cost             DECIMAL(12,2),
    margin_per_ticket     DECIMAL(12,2),
    tickets_sold          INT,
    tickets_available     INT,
    revenue_difference    DECIMAL(14,2),
    open_quotes           INT,
    held_seats            INT,
    unpaid_hold_customers INT,
    assessed_at           ${timestamp},
    approval_table_version INT,
    approver_groups       VARCHAR(200),
    applied_at            ${timestamp},
    process_instance_id   VARCHAR(64),
    updated_at            ${timestamp}  NOT NULL,
    CONSTRAINT fk_price_changes_case FOREIGN KEY (case_id) REFERENCES to_cases (id),
    CONSTRAINT fk_price_changes_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT uq_price_changes_open UNIQUE (open_category_id),
    CONSTRAINT ck_price_changes_price CHECK (new_price >= 0),
    CONSTRAINT ck_price_changes_reason CHECK (reason IN ('MARKET', 'COST', 'COMPETITOR', 'PROMOTION'))
);
CREATE INDEX ix_price_changes_category ON to_price_changes (category_id, requested_at);

CREATE TABLE to_price_change_approvals (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    change_id      BIGINT       NOT NULL,
    step           INT          NOT NULL,
    approver_group VARCHAR(64)  NOT NULL,
    decision       VARCHAR(20)  NOT NULL,
    decided_by     VARCHAR(64)  NOT NULL,
    approved_by    VARCHAR(64),
    decided_at     ${timestamp} NOT NULL,
    comment        VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_price_change_approvals_change FOREIGN KEY (change_id) REFERENCES to_price_changes (id),
    CONSTRAINT uq_price_change_approvals_step UNIQUE (change_id, step),
    CONSTRAINT uq_price_change_approvals_person UNIQUE (change_id, approved_by),
    CONSTRAINT ck_price_change_approvals_decision CHECK (decision IN ('APPROVE', 'REJECT'))
);

-- what customers read on the show: old and new price from a time; withdrawn ones stay, marked
CREATE TABLE to_price_announcements (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    change_id    BIGINT        NOT NULL,
    category_id  BIGINT        NOT NULL,
    show_id      BIGINT        NOT NULL,
    old_price    DECIMAL(12,2) NOT NULL,
    new_price    DECIMAL(12,2) NOT NULL,
    effective_at ${timestamp}  NOT NULL,
    published_at ${timestamp}  NOT NULL,
    withdrawn_at ${timestamp},
    CONSTRAINT fk_price_announcements_change FOREIGN KEY (change_id) REFERENCES to_price_changes (id),
    CONSTRAINT uq_price_announcements_change UNIQUE (change_id)
);
CREATE INDEX ix_price_announcements_show ON to_price_announcements (show_id);

-- every quote given to a customer, per category, with how long it stands
CREATE TABLE to_quotes (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT        NOT NULL,
    category_id  BIGINT        NOT NULL,
    quantity     INT           NOT NULL,
    unit_price   DECIMAL(12,2) NOT NULL,
    total        DECIMAL(12,2) NOT NULL,
    quoted_at    ${timestamp}  NOT NULL,
    valid_until  ${timestamp}  NOT NULL,
    CONSTRAINT fk_quotes_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT fk_quotes_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id)
);
CREATE INDEX ix_quotes_category ON to_quotes (category_id, valid_until);
