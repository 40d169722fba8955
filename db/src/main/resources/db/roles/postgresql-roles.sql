-- PostgreSQL role set-up for production (docs/audit.md, "Append-only"). Run once as a superuser, before the hub's
-- first start, e.g.:
--   psql -U postgres -v owner_password="'…'" -v app_password="'…'" -f postgresql-roles.sql
-- Then configure the hub with hub.datasource.user=hub_app (its runtime user) and hub.migration.user=hub_owner (who
-- runs the migrations at start-up). XA also needs max_prepared_transactions > 0 in postgresql.conf.
CREATE ROLE hub_owner LOGIN PASSWORD :owner_password;
CREATE ROLE hub_app LOGIN PASSWORD :app_password;
CREATE DATABASE hub OWNER hub_owner;
\connect hub
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO hub_owner;
GRANT USAGE ON SCHEMA public TO hub_app;
-- Every table and sequence the owner's migrations create is usable by the application…
ALTER DEFAULT PRIVILEGES FOR ROLE hub_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hub_app;
ALTER DEFAULT PRIVILEGES FOR ROLE hub_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hub_app;
-- …except the audit entries: migration V11 revokes UPDATE, DELETE and TRUNCATE on aud_entry from hub_app and lets it
-- prune only through aud_prune() (which keeps the chain's anchor and refuses entries less than a day old); an
-- UPDATE of an entry is refused by a trigger for everyone.
