-- Staff performance reviews: a cycle per month (a case), a review per staff member (a case of its own), the KPIs
-- computed from the engine's history and the center's tables with how each was computed, the scores, every grade
-- change with its reason, and the result (grade, bonus, promotion eligibility, training needs).

CREATE TABLE to_performance_cycles (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    period               CHAR(7)       NOT NULL,
    case_id              BIGINT        NOT NULL,
    process_instance_id  VARCHAR(64),
    started_by           VARCHAR(64)   NOT NULL,
    started_at           ${timestamp}  NOT NULL,
    calibrated_by        VARCHAR(64),
    calibrated_at        ${timestamp},
    overrun_reason       VARCHAR(1000),
    CONSTRAINT uq_performance_cycles_period UNIQUE (period),
    CONSTRAINT fk_performance_cycles_case FOREIGN KEY (case_id) REFERENCES to_cases (id)
);

CREATE TABLE to_performance_reviews (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    cycle_id             BIGINT        NOT NULL,
    case_id              BIGINT        NOT NULL,
    employee             VARCHAR(64)   NOT NULL,
    staff_group          VARCHAR(40)   NOT NULL,
    -- KPIs of the period
    tasks_completed      INT,
    wait_p50_seconds     BIGINT,
    wait_p90_seconds     BIGINT,
    deadlines_breached   INT,
    satisfaction         DECIMAL(3,2),
    rated_complaints     INT,
    refunds_handled      INT,
    tickets_sold         INT,
    revenue              DECIMAL(14,2),
    kpi_method           VARCHAR(4000),
    collected_at         ${timestamp},
    -- the employee's own assessment (null when it was not done in time)
    self_results         INT,
    self_attitude        INT,
    self_ability         INT,
    self_comment         VARCHAR(2000),
    -- the manager's review
    manager_results      INT,
    manager_attitude     INT,
    manager_ability      INT,
    manager_comment      VARCHAR(2000),
    reviewed_by          VARCHAR(64),
    suggested_grade      CHAR(1),
    grades_table_version INT,
    grade                CHAR(1),
    training_needs       VARCHAR(1000),
    -- grade D: the improvement plan
    plan_goals           VARCHAR(2000),
    plan_review_date     DATE,
    -- acknowledgement and appeal
    acknowledgement      VARCHAR(10),
    appeal_reason        VARCHAR(2000),
    appeal_review        VARCHAR(2000),
    -- the result
    coefficient          DECIMAL(4,2),
    base_bonus           DECIMAL(12,2),
    bonus                DECIMAL(12,2),
    promotion_eligible   BOOLEAN,
    recorded_at          ${timestamp},
    CONSTRAINT uq_performance_reviews_employee UNIQUE (cycle_id, employee),
    CONSTRAINT fk_performance_reviews_cycle FOREIGN KEY (cycle_id) REFERENCES to_performance_cycles (id),
    CONSTRAINT fk_performance_reviews_case FOREIGN KEY (case_id) REFERENCES to_cases (id),
    CONSTRAINT ck_performance_reviews_group CHECK (staff_group IN ('CUSTOMER_SERVICE', 'TICKET_SALES', 'FINANCE', 'PROCUREMENT')),
    CONSTRAINT ck_performance_reviews_scores CHECK ((self_results IS NULL OR self_results BETWEEN 1 AND 5)
        AND (self_attitude IS NULL OR self_attitude BETWEEN 1 AND 5) AND (self_ability IS NULL OR self_ability BETWEEN 1 AND 5)
        AND (manager_results IS NULL OR manager_results BETWEEN 1 AND 5)
        AND (manager_attitude IS NULL OR manager_attitude BETWEEN 1 AND 5)
        AND (manager_ability IS NULL OR manager_ability BETWEEN 1 AND 5)),
    CONSTRAINT ck_performance_reviews_grade CHECK ((grade IS NULL OR grade IN ('A', 'B', 'C', 'D'))
        AND (suggested_grade IS NULL OR suggested_grade IN ('A', 'B', 'C', 'D'))),
    CONSTRAINT ck_performance_reviews_ack CHECK (acknowledgement IS NULL OR acknowledgement IN ('ACCEPT', 'APPEAL', 'SILENT'))
);
CREATE INDEX ix_performance_reviews_employee ON to_performance_reviews (employee, cycle_id);

-- every grade other than the one before it: the manager differing from the table, HR calibrating, an appeal decided
CREATE TABLE to_performance_grade_changes (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    review_id   BIGINT        NOT NULL,
    stage       VARCHAR(20)   NOT NULL,
    from_grade  CHAR(1),
    to_grade    CHAR(1)       NOT NULL,
    changed_by  VARCHAR(64)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    changed_at  ${timestamp}  NOT NULL,
    CONSTRAINT fk_performance_grade_changes_review FOREIGN KEY (review_id) REFERENCES to_performance_reviews (id),
    CONSTRAINT ck_performance_grade_changes_stage CHECK (stage IN ('MANAGER_REVIEW', 'CALIBRATION', 'APPEAL'))
);
CREATE INDEX ix_performance_grade_changes_review ON to_performance_grade_changes (review_id);
