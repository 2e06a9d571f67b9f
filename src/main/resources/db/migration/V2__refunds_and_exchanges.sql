-- Refund and exchange requests (process refundExchange), seat holds, credit notes, the outbox.

-- An exchange issues new tickets in an order of the target show that points back at the original.
ALTER TABLE to_orders ADD COLUMN origin_order_id BIGINT;
ALTER TABLE to_orders ADD CONSTRAINT fk_orders_origin FOREIGN KEY (origin_order_id) REFERENCES to_orders (id);

CREATE TABLE to_refund_requests (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id            BIGINT        NOT NULL,
    customer_id         BIGINT        NOT NULL,
    type                VARCHAR(10)   NOT NULL,
    reason              VARCHAR(20)   NOT NULL,
    target_category_id  BIGINT,
    note                VARCHAR(1000),
    status              VARCHAR(20)   NOT NULL,
    rejection_code      VARCHAR(40),
    process_instance_id VARCHAR(64),
    requested_by        VARCHAR(64)   NOT NULL,
    requested_at        ${timestamp}  NOT NULL,
    idempotency_key     VARCHAR(100),
    table_version       INT,
    total_fee           DECIMAL(12,2),
    total_refund        DECIMAL(12,2),
    amount_due          DECIMAL(12,2),
    payment_deadline    ${timestamp},
    new_order_id        BIGINT,
    closed_at           ${timestamp},
    updated_at          ${timestamp}  NOT NULL,
    CONSTRAINT fk_refund_requests_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT fk_refund_requests_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT fk_refund_requests_target FOREIGN KEY (target_category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT uq_refund_requests_idempotency UNIQUE (idempotency_key),
    CONSTRAINT ck_refund_requests_type CHECK (type IN ('REFUND', 'EXCHANGE')),
    CONSTRAINT ck_refund_requests_status CHECK (status IN ('OPEN', 'AWAITING_REVIEW', 'AWAITING_APPROVAL',
        'AWAITING_PAYMENT', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'))
);
CREATE INDEX ix_refund_requests_customer ON to_refund_requests (customer_id, status, closed_at);
CREATE INDEX ix_refund_requests_status ON to_refund_requests (status, requested_at);

-- One line per ticket: its fee as the table decided it. open_ticket_id holds the ticket id while the
-- request is open and NULL once it is closed; its unique constraint lets a ticket be in one open
-- request at most, also when two requests race.
CREATE TABLE to_refund_request_tickets (
    request_id        BIGINT        NOT NULL,
    ticket_id         BIGINT        NOT NULL,
    open_ticket_id    BIGINT,
    ticket_type       VARCHAR(20)   NOT NULL,
    price_paid        DECIMAL(12,2) NOT NULL,
    hours_before_show INT,
    allowed           BOOLEAN,
    rejection_code    VARCHAR(40),
    fee_percent       INT,
    minimum_fee       DECIMAL(12,2),
    fee               DECIMAL(12,2),
    refund_amount     DECIMAL(12,2),
    table_version     INT,
    new_price         DECIMAL(12,2),
    new_ticket_id     BIGINT,
    PRIMARY KEY (request_id, ticket_id),
    CONSTRAINT fk_rrt_request FOREIGN KEY (request_id) REFERENCES to_refund_requests (id),
    CONSTRAINT fk_rrt_ticket FOREIGN KEY (ticket_id) REFERENCES to_tickets (id),
    CONSTRAINT uq_rrt_open_ticket UNIQUE (open_ticket_id)
);

-- Seats of an exchange's target category, taken out of sale while the exchange runs.
CREATE TABLE to_seat_holds (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT       NOT NULL,
    category_id BIGINT       NOT NULL,
    quantity    INT          NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    created_at  ${timestamp} NOT NULL,
    closed_at   ${timestamp},
    CONSTRAINT fk_holds_request FOREIGN KEY (request_id) REFERENCES to_refund_requests (id),
    CONSTRAINT fk_holds_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT uq_holds_request UNIQUE (request_id),
    CONSTRAINT ck_holds_status CHECK (status IN ('HELD', 'RELEASED', 'CONVERTED')),
    CONSTRAINT ck_holds_quantity CHECK (quantity > 0)
);

-- Gapless numbering (credit notes): one row per sequence, incremented under its row lock.
CREATE TABLE to_counters (
    name  VARCHAR(40) NOT NULL PRIMARY KEY,
    current_number BIGINT NOT NULL
);
INSERT INTO to_counters (name, current_number) VALUES ('credit-note', 0);

-- A credit note reverses the invoice lines of refunded money; numbered in sequence.
CREATE TABLE to_credit_notes (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    number      VARCHAR(20)   NOT NULL,
    order_id    BIGINT        NOT NULL,
    customer_id BIGINT        NOT NULL,
    reference   VARCHAR(64)   NOT NULL,
    amount      DECIMAL(12,2) NOT NULL,
    issued_at   ${timestamp}  NOT NULL,
    CONSTRAINT uq_credit_notes_number UNIQUE (number),
    CONSTRAINT uq_credit_notes_reference UNIQUE (reference),
    CONSTRAINT fk_credit_notes_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT ck_credit_notes_amount CHECK (amount > 0)
);

CREATE TABLE to_credit_note_lines (
    credit_note_id BIGINT        NOT NULL,
    line_no        INT           NOT NULL,
    ticket_id      BIGINT,
    description    VARCHAR(300)  NOT NULL,
    amount         DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (credit_note_id, line_no),
    CONSTRAINT fk_cnl_note FOREIGN KEY (credit_note_id) REFERENCES to_credit_notes (id)
);

-- Outbox: messages for customers that a mail/SMS sender reads and marks sent.
CREATE TABLE to_notifications (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel         VARCHAR(10)   NOT NULL,
    recipient       VARCHAR(200)  NOT NULL,
    template        VARCHAR(60)   NOT NULL,
    payload         VARCHAR(4000) NOT NULL,
    subject_type    VARCHAR(40)   NOT NULL,
    subject_id      VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(150)  NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    sent_at         ${timestamp},
    CONSTRAINT uq_notifications_key UNIQUE (idempotency_key),
    CONSTRAINT ck_notifications_channel CHECK (channel IN ('EMAIL', 'SMS'))
);
CREATE INDEX ix_notifications_unsent ON to_notifications (sent_at, created_at);
