-- Current state of the booking domain: one row per booking. Times are epoch microseconds (UTC).
-- name, phone and email are contact data: cleared after the retention period and on request.
CREATE TABLE talon_booking (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    branch         VARCHAR(64)  NOT NULL,
    code           VARCHAR(8)   NOT NULL,
    service        VARCHAR(32)  NOT NULL,
    resource       VARCHAR(64),
    start_at       BIGINT       NOT NULL,
    end_at         BIGINT       NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    name           VARCHAR(100),
    phone          VARCHAR(20),
    email          VARCHAR(200),
    language       VARCHAR(16)  NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    created_at     BIGINT       NOT NULL,
    checkin_from   BIGINT       NOT NULL,
    checkin_until  BIGINT       NOT NULL,
    ticket_id      BIGINT,
    ticket_number  VARCHAR(16),
    version        INTEGER      NOT NULL
);
CREATE INDEX talon_booking_branch_end ON talon_booking (branch, end_at);
CREATE INDEX talon_booking_phone ON talon_booking (phone);
CREATE INDEX talon_booking_email ON talon_booking (email);
