-- Up Migration
-- Incentive programme versions (issue 4). A programme key has at most one ACTIVE version: the
-- code activates a version under a lock and archives the one it replaces, and this index makes
-- a second ACTIVE version of a key impossible even for a writer that skipped the lock.
-- (A partial index has no spelling in schema.prisma; schema.test.ts compares columns, not indexes.)
CREATE UNIQUE INDEX incentive_program_one_active_idx ON incentive_program (key) WHERE status = 'ACTIVE';
