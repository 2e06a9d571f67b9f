-- Orders the center sells: who sold it, the quote it was sold at (subtotal, discount, both decisions with their
-- table versions), its lines, the Idempotency-Key of the call that placed it, and for customers who must pay a
-- deposit first: AWAITING_DEPOSIT with seats held until hold_expires_at, then PAID or EXPIRED.
ALTER TABLE to_orders ADD COLUMN sold_by VARCHAR(64);
ALTER TABLE to_orders ADD COLUMN subtotal DECIMAL(12,2);
ALTER TABLE to_orders ADD COLUMN discount_amount DECIMAL(12,2);
ALTER TABLE to_orders ADD COLUMN applied_discounts VARCHAR(200);
ALTER TABLE to_orders ADD COLUMN discount_table_version INT;
ALTER TABLE to_orders ADD COLUMN credit_tier VARCHAR(2);
ALTER TABLE to_orders ADD COLUMN credit_table_version INT;
ALTER TABLE to_orders ADD COLUMN hold_expires_at ${timestamp};
ALTER TABLE to_orders ADD COLUMN idempotency_key VARCHAR(100);
ALTER TABLE to_orders ADD COLUMN idempotency_hash VARCHAR(64);
ALTER TABLE to_orders ADD CONSTRAINT uq_orders_idempotency UNIQUE (sold_by, idempotency_key);
ALTER TABLE to_orders DROP CONSTRAINT ck_orders_status;
ALTER TABLE to_orders ADD CONSTRAINT ck_orders_status
    CHECK (status IN ('AWAITING_DEPOSIT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED', 'EXPIRED'));
CREATE INDEX ix_orders_hold ON to_orders (status, hold_expires_at);

CREATE TABLE to_order_lines (
    order_id        BIGINT        NOT NULL,
    line_no         INT           NOT NULL,
    category_id     BIGINT        NOT NULL,
    quantity        INT           NOT NULL,
    unit_price      DECIMAL(12,2) NOT NULL,
    subtotal        DECIMAL(12,2) NOT NULL,
    discount_amount DECIMAL(12,2) NOT NULL,
    total           DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES to_orders (id),
    CONSTRAINT fk_order_lines_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0)
);

-- An invoice for every paid order: numbered gapless per calendar day (INV-20261124-00042), with its lines and
-- the tax in them (prices include VAT: net and tax are worked out of the gross amount per line, half-up).
ALTER TABLE to_invoices ADD COLUMN net DECIMAL(12,2);
ALTER TABLE to_invoices ADD COLUMN tax DECIMAL(12,2);
ALTER TABLE to_invoices ADD COLUMN discount DECIMAL(12,2);
ALTER TABLE to_invoices ADD COLUMN tax_rate DECIMAL(5,4);
CREATE TABLE to_invoice_lines (
    invoice_id  BIGINT        NOT NULL,
    line_no     INT           NOT NULL,
    description VARCHAR(300)  NOT NULL,
    quantity    INT           NOT NULL,
    unit_price  DECIMAL(12,2) NOT NULL,
    discount    DECIMAL(12,2) NOT NULL,
    net         DECIMAL(12,2) NOT NULL,
    tax         DECIMAL(12,2) NOT NULL,
    gross       DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (invoice_id, line_no),
    CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES to_invoices (id)
);
-- a credit note names the invoice it corrects
ALTER TABLE to_credit_notes ADD COLUMN invoice_number VARCHAR(20);

-- seat numbers per category come from a counter that only grows, so no two tickets share a label even when
-- tickets go back on sale or two sales run at once
ALTER TABLE to_ticket_categories ADD COLUMN next_seat INT DEFAULT 0 NOT NULL;
UPDATE to_ticket_categories SET next_seat = (SELECT COUNT(*) FROM to_tickets t WHERE t.category_id = to_ticket_categories.id);
