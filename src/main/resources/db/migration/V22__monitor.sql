-- The cycle-time monitor. The engine's history handler writes one fact per started or ended process instance
-- and per ended flow node (to_monitor_facts, in the engine's own transaction); the fold moves them into
-- aggregates per day (grain D) and per ISO week (grain W, period = its Monday), in the center's zone, and
-- deletes them. Percentiles come from HdrHistogram histograms (compressed, one per row), so a period is a
-- merge of at most a few hundred rows; ACT_HI_* is read only by the rebuild.
CREATE TABLE to_monitor_facts (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind                  VARCHAR(8)    NOT NULL,
    process_key           VARCHAR(128)  NOT NULL,
    process_definition_id VARCHAR(64)   NOT NULL,
    process_instance_id   VARCHAR(64)   NOT NULL,
    node_id               VARCHAR(128),
    node_type             VARCHAR(64),
    task_id               VARCHAR(64),
    started_at            ${timestamp},
    happened_at           ${timestamp}  NOT NULL,
    duration_ms           BIGINT,
    CONSTRAINT ck_monitor_facts_kind CHECK (kind IN ('START', 'END', 'NODE'))
);

-- cycle times per process key and end event; end_node '*' is every end together and also counts the starts
CREATE TABLE to_monitor_processes (
    process_key VARCHAR(128) NOT NULL,
    end_node    VARCHAR(128) NOT NULL,
    grain       CHAR(1)      NOT NULL,
    period      DATE         NOT NULL,
    started     BIGINT       NOT NULL,
    completed   BIGINT       NOT NULL,
    total_ms    BIGINT       NOT NULL,
    max_ms      BIGINT       NOT NULL,
    histogram   ${blob},
    PRIMARY KEY (process_key, end_node, grain, period),
    CONSTRAINT ck_monitor_processes_grain CHECK (grain IN ('D', 'W'))
);

-- durations of every flow node (a user task's is its wait: created to completed)
CREATE TABLE to_monitor_nodes (
    process_key VARCHAR(128) NOT NULL,
    node_id     VARCHAR(128) NOT NULL,
    grain       CHAR(1)      NOT NULL,
    period      DATE         NOT NULL,
    node_type   VARCHAR(64)  NOT NULL,
    completed   BIGINT       NOT NULL,
    total_ms    BIGINT       NOT NULL,
    max_ms      BIGINT       NOT NULL,
    histogram   ${blob}      NOT NULL,
    PRIMARY KEY (process_key, node_id, grain, period),
    CONSTRAINT ck_monitor_nodes_grain CHECK (grain IN ('D', 'W'))
);

-- user-task waits per candidate group (a task offered to two groups counts in both)
CREATE TABLE to_monitor_groups (
    group_id  VARCHAR(64) NOT NULL,
    grain     CHAR(1)     NOT NULL,
    period    DATE        NOT NULL,
    completed BIGINT      NOT NULL,
    total_ms  BIGINT      NOT NULL,
    max_ms    BIGINT      NOT NULL,
    histogram ${blob}     NOT NULL,
    PRIMARY KEY (group_id, grain, period),
    CONSTRAINT ck_monitor_groups_grain CHECK (grain IN ('D', 'W'))
);

-- deadline timers that fired, per process, timer and day
CREATE TABLE to_monitor_breaches (
    process_key VARCHAR(128) NOT NULL,
    node_id     VARCHAR(128) NOT NULL,
    period      DATE         NOT NULL,
    breaches    BIGINT       NOT NULL,
    PRIMARY KEY (process_key, node_id, period)
);

-- the 20 slowest completed instances of each process and day
CREATE TABLE to_monitor_slowest (
    process_instance_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_key           VARCHAR(128) NOT NULL,
    process_definition_id VARCHAR(64)  NOT NULL,
    period                DATE         NOT NULL,
    end_node              VARCHAR(128) NOT NULL,
    started_at            ${timestamp} NOT NULL,
    ended_at              ${timestamp} NOT NULL,
    duration_ms           BIGINT       NOT NULL
);
CREATE INDEX ix_monitor_slowest ON to_monitor_slowest (process_key, period, duration_ms);

-- one row: whoever folds or rebuilds holds it (SELECT ... FOR UPDATE), so one node of a cluster writes at a time
CREATE TABLE to_monitor_fold (
    name      VARCHAR(16) NOT NULL PRIMARY KEY,
    folded_at   ${timestamp},
    facts       BIGINT      NOT NULL,
    rebuild_cut ${timestamp}
);
-- rebuild_cut: while a rebuild runs, it owns what happened before this instant and the fold only what came after
INSERT INTO to_monitor_fold (name, folded_at, facts, rebuild_cut) VALUES ('fold', NULL, 0, NULL);
