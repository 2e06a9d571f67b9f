-- Stocktaking: a stocktake (a case) counts the unsold stock of the categories in its scope; each count's variance is
-- taken against the system's figure when the count is submitted; an approved adjustment moves available, and every
-- move of stock outside a sale is an inventory movement (who, why, before, after).

CREATE TABLE to_stocktakes (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id              BIGINT,
    scope                VARCHAR(12)   NOT NULL,
    show_id              BIGINT,
    event_id             BIGINT,
    process_instance_id  VARCHAR(64),
    started_by           VARCHAR(64)   NOT NULL,
    started_at           ${timestamp}  NOT NULL,
    CONSTRAINT fk_stocktakes_case FOREIGN KEY (case_id) REFERENCES to_cases (id),
    CONSTRAINT fk_stocktakes_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT fk_stocktakes_event FOREIGN KEY (event_id) REFERENCES to_events (id),
    CONSTRAINT ck_stocktakes_scope CHECK (scope IN ('SHOW', 'EVENT', 'ALL_ON_SALE'))
);

CREATE TABLE to_stock_counts (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    stocktake_id      BIGINT        NOT NULL,
    category_id       BIGINT        NOT NULL,
    source            VARCHAR(20),
    counted           INT,
    system_available  INT,
    variance          INT,
    unit_cost         DECIMAL(12,2),
    variance_value    DECIMAL(14,2),
    counted_by        VARCHAR(64),
    counted_at        ${timestamp},
    cause             VARCHAR(20),
    explanation       VARCHAR(2000),
    explained_by      VARCHAR(64),
    approver_group    VARCHAR(64),
    decision          VARCHAR(10),
    decision_comment  VARCHAR(2000),
    decided_by        VARCHAR(64),
    decided_at        ${timestamp},
    movement_id       BIGINT,
    CONSTRAINT uq_stock_counts_category UNIQUE (stocktake_id, category_id),
    CONSTRAINT fk_stock_counts_stocktake FOREIGN KEY (stocktake_id) REFERENCES to_stocktakes (id),
    CONSTRAINT fk_stock_counts_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT ck_stock_counts_counted CHECK (counted IS NULL OR counted >= 0),
    CONSTRAINT ck_stock_counts_source CHECK (source IS NULL OR source IN ('ON_HAND', 'SUPPLIER_STATEMENT')),
    CONSTRAINT ck_stock_counts_cause CHECK (cause IS NULL OR cause IN ('LOST', 'DAMAGED', 'SYSTEM_ERROR', 'SUPPLIER_ERROR', 'OTHER')),
    CONSTRAINT ck_stock_counts_decision CHECK (decision IS NULL OR decision IN ('APPROVED', 'REJECTED'))
);

CREATE TABLE to_inventory_movements (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    category_id  BIGINT        NOT NULL,
    kind         VARCHAR(24)   NOT NULL,
    quantity     INT           NOT NULL,
    before_qty   INT           NOT NULL,
    after_qty    INT           NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    reference    VARCHAR(64)   NOT NULL,
    created_at   ${timestamp}  NOT NULL,
    CONSTRAINT fk_inventory_movements_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT uq_inventory_movements_reference UNIQUE (kind, reference),
    CONSTRAINT ck_inventory_movements_kind CHECK (kind IN ('STOCKTAKE_ADJUSTMENT', 'WRITE_OFF'))
);
CREATE INDEX ix_inventory_movements_category ON to_inventory_movements (category_id, created_at);
