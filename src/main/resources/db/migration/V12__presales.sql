-- Presales: a window before general sale in which only some member tiers may buy, each customer at most a number
-- of tickets over the whole presale (across orders and channels). What a customer bought is a counter row moved by a
-- conditional update, so concurrent orders of one customer can't pass the limit together.
CREATE TABLE to_presales (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    show_id            BIGINT       NOT NULL,
    opens_at           ${timestamp} NOT NULL,
    closes_at          ${timestamp} NOT NULL,
    eligible_tiers     VARCHAR(100) NOT NULL,
    limit_per_customer INT          NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         ${timestamp} NOT NULL,
    CONSTRAINT fk_presales_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT ck_presales_window CHECK (closes_at > opens_at),
    CONSTRAINT ck_presales_limit CHECK (limit_per_customer > 0)
);
CREATE INDEX ix_presales_show ON to_presales (show_id, opens_at);

CREATE TABLE to_presale_purchases (
    presale_id  BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    bought      INT    NOT NULL,
    PRIMARY KEY (presale_id, customer_id),
    CONSTRAINT fk_presale_purchases_presale FOREIGN KEY (presale_id) REFERENCES to_presales (id),
    CONSTRAINT fk_presale_purchases_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id)
);
