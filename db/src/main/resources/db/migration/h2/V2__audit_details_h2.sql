-- The event's facts as JSON (no secrets, no clinical payloads). H2: unbounded character varying.
ALTER TABLE aud_entry ADD COLUMN details CHARACTER VARYING;
