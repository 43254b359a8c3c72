-- A customer's page finds its ticket by an unguessable public id; a retried issue request finds
-- the ticket it already created by the client's idempotency key.
ALTER TABLE talon_ticket ADD COLUMN public_id VARCHAR(32);
ALTER TABLE talon_ticket ADD COLUMN idempotency_key VARCHAR(100);
CREATE UNIQUE INDEX talon_ticket_public_id ON talon_ticket (public_id);
CREATE UNIQUE INDEX talon_ticket_idempotency ON talon_ticket (branch, business_day, idempotency_key);
