-- The center's own data. Runs on H2 and on MySQL/MariaDB alike; the placeholders name the
-- types that differ (see spring.flyway.placeholders in application.yml). Times are UTC.

CREATE TABLE to_events (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    created_at  ${timestamp} NOT NULL,
    CONSTRAINT ck_events_kind CHECK (kind IN ('CONCERT', 'SPORTS', 'THEATRE', 'FAMILY', 'OTHER'))
);

CREATE TABLE to_shows (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id    BIGINT       NOT NULL,
    venue       VARCHAR(200) NOT NULL,
    starts_at   ${timestamp} NOT NULL,
    CONSTRAINT fk_shows_event FOREIGN KEY (event_id) REFERENCES to_events (id)
);
CREATE INDEX ix_shows_starts_at ON to_shows (starts_at);

CREATE TABLE to_ticket_categories (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    show_id     BIGINT        NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    type        VARCHAR(20)   NOT NULL,
    price       DECIMAL(12,2) NOT NULL,
    capacity    INT           NOT NULL,
    available   INT           NOT NULL,
    CONSTRAINT fk_categories_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT ck_categories_type CHECK (type IN ('STANDARD', 'VIP', 'PROMOTIONAL')),
    CONSTRAINT ck_categories_price CHECK (price >= 0),
    CONSTRAINT ck_categories_capacity CHECK (capacity >= 0),
    CONSTRAINT ck_categories_available CHECK (available >= 0 AND available <= capacity)
);

CREATE TABLE to_customers (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    phone         VARCHAR(40),
    email         VARCHAR(200),
    member_tier   VARCHAR(10)  NOT NULL,
    birthday      DATE,
    customer_type VARCHAR(12)  NOT NULL,
    created_at    ${timestamp} NOT NULL,
    CONSTRAINT ck_customers_tier CHECK (member_tier IN ('NONE', 'SILVER', 'GOLD', 'PLATINUM')),
    CONSTRAINT ck_customers_type CHECK (customer_type IN ('INDIVIDUAL', 'CORPORATE', 'AGENCY'))
);

CREATE TABLE to_orders (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id         BIGINT        NOT NULL,
    show_id             BIGINT        NOT NULL,
    channel             VARCHAR(12)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    total               DECIMAL(12,2) NOT NULL,
    refund_fees_version INT,
    created_at          ${timestamp}  NOT NULL,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT fk_orders_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT ck_orders_channel CHECK (channel IN ('WEB', 'APP', 'BOX_OFFICE', 'PARTNER')),
    CONSTRAINT ck_orders_status CHECK (status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED')),
    CONSTRAINT ck_orders_total CHECK (total >= 0)
);
CREATE INDEX ix_orders_customer ON to_orders (customer_id, created_at);
CREATE INDEX ix_orders_show ON to_orders (show_id);
CREATE INDEX ix_orders_status ON to_orders (status);

CREATE TABLE to_tickets (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id    BIGINT        NOT NULL,
    category_id BIGINT        NOT NULL,
    seat_label  VARCHAR(40)   NOT NULL,
    price_paid  DECIMAL(12,2) NOT NULL,
    status      VARCHAR(12)   NOT NULL,
    CONSTRAINT fk_tickets_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT fk_tickets_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT ck_tickets_status CHECK (status IN ('SOLD', 'REFUNDED', 'EXCHANGED', 'VOID')),
    CONSTRAINT ck_tickets_price CHECK (price_paid >= 0)
);
CREATE INDEX ix_tickets_order ON to_tickets (order_id);

-- Money that moved: IN from a customer, OUT to a customer. The idempotency key makes a retried
-- or duplicated payment step a no-op instead of a second payment.
CREATE TABLE to_payments (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id           BIGINT,
    direction          VARCHAR(3)    NOT NULL,
    amount             DECIMAL(12,2) NOT NULL,
    method             VARCHAR(20)   NOT NULL,
    purpose            VARCHAR(30)   NOT NULL,
    reference          VARCHAR(64),
    external_reference VARCHAR(100),
    idempotency_key    VARCHAR(100)  NOT NULL,
    created_at         ${timestamp}  NOT NULL,
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT uq_payments_idempotency UNIQUE (idempotency_key),
    CONSTRAINT ck_payments_direction CHECK (direction IN ('IN', 'OUT')),
    CONSTRAINT ck_payments_amount CHECK (amount >= 0)
);
CREATE INDEX ix_payments_order ON to_payments (order_id);

-- Decision tables: every uploaded version is kept; to_decision_tables points at the active one.
CREATE TABLE to_decision_table_versions (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    table_name   VARCHAR(60)  NOT NULL,
    version      INT          NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content      ${blob}      NOT NULL,
    scenarios    ${text},
    rule_count   INT          NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  ${timestamp} NOT NULL,
    comment      VARCHAR(500),
    CONSTRAINT uq_decision_table_versions UNIQUE (table_name, version)
);

CREATE TABLE to_decision_tables (
    table_name     VARCHAR(60)  NOT NULL PRIMARY KEY,
    active_version INT          NOT NULL,
    activated_by   VARCHAR(64)  NOT NULL,
    activated_at   ${timestamp} NOT NULL
);

-- Every decision a process takes, with the table version that took it and its inputs.
CREATE TABLE to_decisions (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    table_name          VARCHAR(60)  NOT NULL,
    table_version       INT          NOT NULL,
    content_hash        CHAR(64)     NOT NULL,
    subject_type        VARCHAR(40),
    subject_id          VARCHAR(64),
    process_instance_id VARCHAR(64),
    input               VARCHAR(4000) NOT NULL,
    output              VARCHAR(4000) NOT NULL,
    decided_at          ${timestamp} NOT NULL
);
CREATE INDEX ix_decisions_table_time ON to_decisions (table_name, decided_at);
CREATE INDEX ix_decisions_subject ON to_decisions (subject_type, subject_id);

-- Business events worth auditing: who did what to which thing, when.
CREATE TABLE to_audit_events (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  ${timestamp}  NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    subject_type VARCHAR(40)   NOT NULL,
    subject_id   VARCHAR(64)   NOT NULL,
    detail       VARCHAR(2000)
);
CREATE INDEX ix_audit_subject ON to_audit_events (subject_type, subject_id, occurred_at);
