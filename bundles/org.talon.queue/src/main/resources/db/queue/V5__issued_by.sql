-- Who issued a ticket (a user or a device name). Idempotency keys belong to their caller: the
-- same key from another caller is another request, never a way to read someone else's ticket.
ALTER TABLE talon_ticket ADD COLUMN issued_by VARCHAR(64);
