-- A public id now begins with its ticket's id, so a customer's page finds the row by primary key
-- and compares the whole id; the separate unique index (one more B-tree written per issued ticket)
-- is not needed. Ids made before V4 without that prefix get a new one when their branch loads.
DROP INDEX talon_ticket_public_id;
