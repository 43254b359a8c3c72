-- Current state of the queue domain. Times are epoch microseconds (UTC).
CREATE TABLE talon_ticket (
    id             BIGINT       NOT NULL PRIMARY KEY,
    branch         VARCHAR(64)  NOT NULL,
    number         VARCHAR(16)  NOT NULL,
    business_day   DATE         NOT NULL,
    daily_number   INTEGER      NOT NULL,
    prefix         VARCHAR(8)   NOT NULL,
    service        VARCHAR(32)  NOT NULL,
    queue_id       VARCHAR(32)  NOT NULL,
    priority       VARCHAR(16)  NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    language       VARCHAR(16),
    contact        VARCHAR(200),
    state          VARCHAR(16)  NOT NULL,
    issued_at      BIGINT       NOT NULL,
    called_at      BIGINT,
    served_at      BIGINT,
    finished_at    BIGINT,
    counter_id     VARCHAR(32),
    operator_pool  VARCHAR(64),
    recalls        INTEGER      NOT NULL,
    line_key       BIGINT       NOT NULL,
    line_order     BIGINT       NOT NULL,
    CONSTRAINT talon_ticket_number_unique UNIQUE (branch, business_day, number)
);
CREATE INDEX talon_ticket_branch_state ON talon_ticket (branch, state);

CREATE TABLE talon_counter (
    id          VARCHAR(100) NOT NULL PRIMARY KEY,
    branch      VARCHAR(64)  NOT NULL,
    counter_id  VARCHAR(32)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    operator    VARCHAR(64)
);
