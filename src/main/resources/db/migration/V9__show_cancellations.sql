-- A show's cancellation is a case: which show, who cancelled it, how many paid orders it refunds and how
-- far its batches have come (the last order id handled). One per show: cancelling twice starts nothing new.
CREATE TABLE to_show_cancellations (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    show_id         BIGINT       NOT NULL,
    case_id         BIGINT       NOT NULL,
    cancelled_by    VARCHAR(64)  NOT NULL,
    cancelled_at    ${timestamp} NOT NULL,
    orders_total    INT          NOT NULL,
    last_order_id   BIGINT       NOT NULL,
    refunds_started INT          NOT NULL,
    orders_skipped  INT          NOT NULL,
    CONSTRAINT uq_show_cancellations_show UNIQUE (show_id),
    CONSTRAINT fk_show_cancellations_show FOREIGN KEY (show_id) REFERENCES to_shows (id),
    CONSTRAINT fk_show_cancellations_case FOREIGN KEY (case_id) REFERENCES to_cases (id)
);
