-- Procurement of ticket inventory: suppliers and what they may supply, procurement requests (cases), every
-- approval decision, contracts and receipts; categories remember what their tickets cost (weighted average).

CREATE TABLE to_suppliers (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    licence_number       VARCHAR(64)  NOT NULL,
    contact              VARCHAR(200) NOT NULL,
    qualification        VARCHAR(20)  NOT NULL,
    qualified_until      DATE,
    blocked              BOOLEAN      DEFAULT FALSE NOT NULL,
    block_lifted_at      ${timestamp},
    block_lifted_by      VARCHAR(64),
    block_lifted_reason  VARCHAR(500),
    created_at           ${timestamp} NOT NULL,
    updated_at           ${timestamp} NOT NULL,
    CONSTRAINT uq_suppliers_licence UNIQUE (licence_number),
    CONSTRAINT ck_suppliers_qualification CHECK (qualification IN ('PENDING', 'QUALIFIED', 'SUSPENDED'))
);

-- the approved-supplier list: which event kinds a supplier may supply, each for a window of days
CREATE TABLE to_supplier_approvals (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    supplier_id  BIGINT      NOT NULL,
    event_kind   VARCHAR(20) NOT NULL,
    valid_from   DATE        NOT NULL,
    valid_until  DATE        NOT NULL,
    CONSTRAINT fk_supplier_approvals_supplier FOREIGN KEY (supplier_id) REFERENCES to_suppliers (id),
    CONSTRAINT ck_supplier_approvals_kind CHECK (event_kind IN ('CONCERT', 'SPORTS', 'THEATRE', 'EXHIBITION', 'OTHER')),
    CONSTRAINT ck_supplier_approvals_window CHECK (valid_until >= valid_from)
);
CREATE INDEX ix_supplier_approvals_supplier ON to_supplier_approvals (supplier_id, event_kind);

CREATE TABLE to_procurement_requests (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id              BIGINT,
    supplier_id          BIGINT        NOT NULL,
    show_id              BIGINT        NOT NULL,
    category_id          BIGINT,
    new_category_name    VARCHAR(100),
    new_category_type    VARCHAR(20),
    quantity             INT           NOT NULL,
    unit_cost            DECIMAL(12,2) NOT NULL,
    planned_sale_price   DECIMAL(12,2) NOT NULL,
    total                DECIMAL(14,2) NOT NULL,
    justification        VARCHAR(2000),
    requested_by         VARCHAR(64)   NOT NULL,
    requested_at         ${timestamp}  NOT NULL,
    approval_round       INT           DEFAULT 0 NOT NULL,
    approval_table_version INT,
    approver_groups      VARCHAR(200),
    contract_number      VARCHAR(64),
    contract_signed_on   DATE,
    payment_terms        VARCHAR(200),
    contract_signed_by   VARCHAR(64),
    accepted_quantity    INT,
    supplier_credit      DECIMAL(14,2),
    stocked_at           ${timestamp},
    process_instance_id  VARCHAR(64),
    updated_at           ${timestamp}  NOT NULL,
    CONSTRAINT fk_procurement_requests_case FOREIGN KEY (case_id) REFERENCES to_cases (id),
    CONSTRAINT fk_procurement_requests_supplier FOREIGN KEY (supplier_id) REFERENCES to_suppliers (id),
    CONSTRAINT fk_procurement_requests_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT fk_procurement_requests_category FOREIGN KEY (category_id) REFERENCES to_ticket_categories (id),
    CONSTRAINT uq_procurement_requests_contract UNIQUE (contract_number),
    CONSTRAINT ck_procurement_requests_quantity CHECK (quantity > 0),
    CONSTRAINT ck_procurement_requests_cost CHECK (unit_cost > 0 AND planned_sale_price >= 0),
    CONSTRAINT ck_procurement_requests_category CHECK (category_id IS NOT NULL OR new_category_name IS NOT NULL)
);
CREATE INDEX ix_procurement_requests_supplier ON to_procurement_requests (supplier_id, requested_at);

-- every approver's decision; an approval names its approver, and one person approves at most one step of a round
CREATE TABLE to_procurement_approvals (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id    BIGINT       NOT NULL,
    approval_round INT         NOT NULL,
    step          INT          NOT NULL,
    approver_group VARCHAR(64) NOT NULL,
    decision      VARCHAR(20)  NOT NULL,
    decided_by    VARCHAR(64)  NOT NULL,
    approved_by   VARCHAR(64),
    decided_at    ${timestamp} NOT NULL,
    comment       VARCHAR(2000),
    CONSTRAINT fk_procurement_approvals_request FOREIGN KEY (request_id) REFERENCES to_procurement_requests (id),
    CONSTRAINT uq_procurement_approvals_step UNIQUE (request_id, approval_round, step),
    CONSTRAINT uq_procurement_approvals_person UNIQUE (request_id, approval_round, approved_by),
    CONSTRAINT ck_procurement_approvals_decision CHECK (decision IN ('APPROVE', 'REJECT', 'REQUEST_CHANGES'))
);

-- every inspection of a delivery (a replacement is inspected again) and how a problem with it was settled
CREATE TABLE to_procurement_receipts (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id    BIGINT        NOT NULL,
    supplier_id   BIGINT        NOT NULL,
    expected      INT           NOT NULL,
    received      INT           NOT NULL,
    defective     INT           NOT NULL,
    notes         VARCHAR(2000),
    inspected_by  VARCHAR(64)   NOT NULL,
    inspected_at  ${timestamp}  NOT NULL,
    resolution    VARCHAR(20),
    credit_amount DECIMAL(14,2),
    resolved_by   VARCHAR(64),
    resolved_at   ${timestamp},
    CONSTRAINT fk_procurement_receipts_request FOREIGN KEY (request_id) REFERENCES to_procurement_requests (id),
    CONSTRAINT fk_procurement_receipts_supplier FOREIGN KEY (supplier_id) REFERENCES to_suppliers (id),
    CONSTRAINT ck_procurement_receipts_counts CHECK (received >= 0 AND defective >= 0 AND defective <= received),
    CONSTRAINT ck_procurement_receipts_resolution CHECK (resolution IS NULL OR resolution IN ('REPLACED', 'CREDITED'))
);
CREATE INDEX ix_procurement_receipts_supplier ON to_procurement_receipts (supplier_id, inspected_at);

-- what a category's tickets cost the center: weighted average over every stocked receipt
ALTER TABLE to_ticket_categories ADD COLUMN unit_cost DECIMAL(12,2);
ALTER TABLE to_ticket_categories ADD COLUMN costed_quantity INT DEFAULT 0 NOT NULL;
