-- The hub's registration with a connector's system (issue #11): the OAuth token check and the subscription the hub
-- made there (FHIR R4 Subscription or a REST subscribe call). One row per connector that needs either; the
-- connector row itself is not touched, so that a registration never bumps its version under an editor.
CREATE TABLE con_registration (
    connector_id     BIGINT          NOT NULL,
    tenant_id        VARCHAR(64)     NOT NULL,
    fingerprint      VARCHAR(64)     NOT NULL,
    auth_state       VARCHAR(16),
    auth_reason      VARCHAR(1000),
    sub_state        VARCHAR(16),
    sub_id           VARCHAR(500),
    sub_reason       VARCHAR(1000),
    sub_endpoint     VARCHAR(2000),
    sub_config       VARCHAR(4000),
    sub_key          VARCHAR(64),
    requested_at     TIMESTAMP WITH TIME ZONE,
    checked_at       TIMESTAMP WITH TIME ZONE,
    next_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT con_registration_pk PRIMARY KEY (connector_id)
);
CREATE INDEX con_registration_next_ix ON con_registration (next_at);
