-- The notifications' outbox. Times are epoch microseconds (UTC).
-- A branch command only inserts messages (tx.rows) and puts cancellations; the delivery engine
-- alone changes a message's state, attempts and errors, in transactions of its own.
CREATE TABLE notify_message (
    id             VARCHAR(40)   NOT NULL PRIMARY KEY,
    msg_key        VARCHAR(200)  NOT NULL,
    branch         VARCHAR(64)   NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    recipient      VARCHAR(200),
    recipient_name VARCHAR(200),
    template       VARCHAR(64)   NOT NULL,
    language       VARCHAR(8)    NOT NULL,
    params         VARCHAR(4000),
    calendar       VARCHAR(4000),
    state          VARCHAR(16)   NOT NULL,
    attempts       INTEGER       NOT NULL,
    last_error     VARCHAR(500),
    created_at     BIGINT        NOT NULL,
    not_before     BIGINT        NOT NULL,
    next_attempt   BIGINT        NOT NULL,
    sent_at        BIGINT,
    origin         VARCHAR(200),
    CONSTRAINT notify_message_origin UNIQUE (origin)
);
CREATE INDEX notify_message_due ON notify_message (state, next_attempt);
CREATE INDEX notify_message_branch ON notify_message (branch, created_at);
CREATE INDEX notify_message_key ON notify_message (branch, msg_key);
CREATE INDEX notify_message_recipient ON notify_message (recipient);

-- Cancellations by key: the messages of the key created before cancelled_at are not sent.
CREATE TABLE notify_cancel (
    branch       VARCHAR(64)  NOT NULL,
    msg_key      VARCHAR(200) NOT NULL,
    cancelled_at BIGINT       NOT NULL,
    PRIMARY KEY (branch, msg_key)
);
