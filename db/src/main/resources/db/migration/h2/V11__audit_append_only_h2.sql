-- The embedded default has no role separation: the hash chain is what shows tampering there (docs/audit.md).
-- This migration keeps the version numbers of both vendors in step.
SELECT 1;
