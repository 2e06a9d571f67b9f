-- What a customer's credit tier is derived from, besides orders and refunds: invoices (with their due
-- dates and when they were paid) and chargebacks.

CREATE TABLE to_invoices (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    number      VARCHAR(20)   NOT NULL,
    customer_id BIGINT        NOT NULL,
    order_id    BIGINT,
    amount      DECIMAL(12,2) NOT NULL,
    issued_at   ${timestamp}  NOT NULL,
    due_at      ${timestamp}  NOT NULL,
    paid_at     ${timestamp},
    CONSTRAINT uq_invoices_number UNIQUE (number),
    CONSTRAINT fk_invoices_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT fk_invoices_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT ck_invoices_amount CHECK (amount >= 0)
);
CREATE INDEX ix_invoices_customer ON to_invoices (customer_id, due_at);

CREATE TABLE to_chargebacks (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT        NOT NULL,
    order_id    BIGINT,
    amount      DECIMAL(12,2) NOT NULL,
    reason      VARCHAR(200),
    occurred_at ${timestamp}  NOT NULL,
    CONSTRAINT fk_chargebacks_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT fk_chargebacks_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT ck_chargebacks_amount CHECK (amount >= 0)
);
CREATE INDEX ix_chargebacks_customer ON to_chargebacks (customer_id, occurred_at);

INSERT INTO to_counters (name, current_number) VALUES ('invoice', 0);
