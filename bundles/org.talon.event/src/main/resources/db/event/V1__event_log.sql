-- The event log: one ordered log per branch. at_time is epoch microseconds (UTC).
CREATE TABLE talon_event (
    branch   VARCHAR(64)    NOT NULL,
    seq      BIGINT         NOT NULL,
    type     VARCHAR(64)    NOT NULL,
    at_time  BIGINT         NOT NULL,
    payload  VARCHAR(65535) NOT NULL,
    CONSTRAINT talon_event_pk PRIMARY KEY (branch, seq)
);
