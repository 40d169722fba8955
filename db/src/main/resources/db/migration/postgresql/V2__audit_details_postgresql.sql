-- The event's facts as JSON (no secrets, no clinical payloads). PostgreSQL: text.
ALTER TABLE aud_entry ADD COLUMN details TEXT;
