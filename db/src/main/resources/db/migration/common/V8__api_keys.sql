-- API keys of service accounts (publishers of events): known by their SHA-256 only.
CREATE SEQUENCE hub_api_key_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE hub_api_key (
    id              BIGINT        NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    user_id         BIGINT        NOT NULL,
    key_id          VARCHAR(32)   NOT NULL,
    secret_sha256   VARCHAR(64)   NOT NULL,
    name            VARCHAR(120)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT hub_api_key_pk PRIMARY KEY (id),
    CONSTRAINT hub_api_key_key_uk UNIQUE (key_id)
);
CREATE INDEX hub_api_key_user_ix ON hub_api_key (tenant_id, user_id);
