-- Surveys: a single-use token per invitation (a complaint closed, ...), valid for a while; the answer once.
CREATE TABLE to_surveys (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    token         VARCHAR(64)   NOT NULL,
    customer_id   BIGINT        NOT NULL,
    subject_type  VARCHAR(40)   NOT NULL,
    subject_id    VARCHAR(64)   NOT NULL,
    created_at    ${timestamp}  NOT NULL,
    expires_at    ${timestamp}  NOT NULL,
    submitted_at  ${timestamp},
    score         INT,
    nps           INT,
    comment       VARCHAR(2000),
    CONSTRAINT uq_surveys_token UNIQUE (token),
    CONSTRAINT uq_surveys_subject UNIQUE (subject_type, subject_id, customer_id),
    CONSTRAINT fk_surveys_customer FOREIGN KEY (customer_id) REFERENCES to_customers (id),
    CONSTRAINT ck_surveys_score CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    CONSTRAINT ck_surveys_nps CHECK (nps IS NULL OR nps BETWEEN 0 AND 10)
);
CREATE INDEX ix_surveys_customer ON to_surveys (customer_id, created_at);
