-- An activation at a set time: the draft is stored as a version (checked, not in force) and put in force when the time
-- comes by whichever node gets there first (a conditional update from PENDING); it can be cancelled before.
CREATE TABLE to_decision_table_schedules (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    table_name   VARCHAR(60)  NOT NULL,
    version      INT          NOT NULL,
    activate_at  ${timestamp} NOT NULL,
    comment      VARCHAR(500) NOT NULL,
    scheduled_by VARCHAR(64)  NOT NULL,
    scheduled_at ${timestamp} NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    done_at      ${timestamp},
    CONSTRAINT ck_decision_table_schedules_status CHECK (status IN ('PENDING', 'DONE', 'CANCELLED'))
);
CREATE INDEX ix_decision_table_schedules_due ON to_decision_table_schedules (status, activate_at);
