-- Durable subscribers' places in each branch's log: the last sequence each has handled.
-- updated_at is epoch microseconds (UTC).
CREATE TABLE talon_subscription (
    name        VARCHAR(200) NOT NULL,
    branch      VARCHAR(64)  NOT NULL,
    position    BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT talon_subscription_pk PRIMARY KEY (name, branch)
);
