-- Drafts of decision tables: a manager's edited copy of a version, never in force. Activating a draft makes it a new
-- version; a draft whose base is no longer the version in force is stale and must be remade.
CREATE TABLE to_decision_table_drafts (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    table_name  VARCHAR(60)  NOT NULL,
    based_on    INT          NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    content     ${blob}      NOT NULL,
    scenarios   ${text}      NOT NULL,
    comment     VARCHAR(500),
    created_by  VARCHAR(64)  NOT NULL,
    created_at  ${timestamp} NOT NULL,
    updated_at  ${timestamp} NOT NULL
);
CREATE INDEX ix_decision_table_drafts_table ON to_decision_table_drafts (table_name, id);
