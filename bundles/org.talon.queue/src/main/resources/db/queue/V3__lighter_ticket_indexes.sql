-- Every index is written on every commit that touches its table. Idempotency keys are unique
-- per branch and day by the engine's single writer, which looks them up in memory; loading
-- today's keys at start reads them through the (branch, business_day, number) constraint.
DROP INDEX talon_ticket_idempotency;
