-- Current state of the workflow domain: one row per request, its history, and the last number
-- given per branch and year (so an id is never given twice). Times are epoch microseconds (UTC).
-- name, phone, email and fields are the customer's data: cleared after the retention period and on request.
CREATE TABLE talon_request (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    branch          VARCHAR(64)   NOT NULL,
    type            VARCHAR(40)   NOT NULL,
    state           VARCHAR(24)   NOT NULL,
    priority        INTEGER       NOT NULL,
    fields          VARCHAR(8000),
    name            VARCHAR(100),
    phone           VARCHAR(20),
    email           VARCHAR(200),
    language        VARCHAR(16)   NOT NULL,
    intake          VARCHAR(16)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    created_by      VARCHAR(64),
    assignee        VARCHAR(64),
    due_at          BIGINT,
    sla_left        BIGINT,
    warn_at         BIGINT,
    warned          BOOLEAN       NOT NULL,
    overdue         BOOLEAN       NOT NULL,
    result          VARCHAR(2000),
    ticket_id       BIGINT,
    ticket_number   VARCHAR(16),
    visit_ticket_id BIGINT,
    updated_at      BIGINT        NOT NULL,
    closed_at       BIGINT,
    version         INTEGER       NOT NULL
);
CREATE INDEX talon_request_branch_state ON talon_request (branch, state);
CREATE INDEX talon_request_closed ON talon_request (closed_at);
CREATE INDEX talon_request_phone ON talon_request (phone);
CREATE INDEX talon_request_email ON talon_request (email);

CREATE TABLE talon_request_history (
    request_id  VARCHAR(40)   NOT NULL,
    n           INTEGER       NOT NULL,
    happened_at BIGINT        NOT NULL,
    what        VARCHAR(40)   NOT NULL,
    by_whom     VARCHAR(64)   NOT NULL,
    from_state  VARCHAR(24),
    to_state    VARCHAR(24),
    detail      VARCHAR(4000),
    PRIMARY KEY (request_id, n)
);

CREATE TABLE talon_request_number (
    branch      VARCHAR(64)   NOT NULL,
    in_year     INTEGER       NOT NULL,
    last_number INTEGER       NOT NULL,
    PRIMARY KEY (branch, in_year)
);
