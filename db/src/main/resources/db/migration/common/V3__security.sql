-- Security: tenants, users, refresh tokens and the credential vault (platform, prefix hub_).
-- Sequences start at their increment (see V1).

CREATE TABLE hub_tenant (
    id          VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT hub_tenant_pk PRIMARY KEY (id)
);
-- The hub's own tenant: platform administrators and the hub's own events.
INSERT INTO hub_tenant (id, name, active, created_at, version)
VALUES ('system', 'Hub platform', TRUE, CURRENT_TIMESTAMP, 1);

CREATE SEQUENCE hub_user_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE hub_user (
    id             BIGINT        NOT NULL,
    tenant_id      VARCHAR(64)   NOT NULL,
    username       VARCHAR(100)  NOT NULL,
    password_hash  VARCHAR(400)  NOT NULL,
    roles          VARCHAR(200)  NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT hub_user_pk PRIMARY KEY (id),
    -- user names are unique across tenants: a login names the user, the user names the tenant
    CONSTRAINT hub_user_username_uk UNIQUE (username)
);
CREATE INDEX hub_user_tenant_ix ON hub_user (tenant_id, id);

-- Refresh tokens: only their SHA-256 is stored; each is used once.
CREATE TABLE hub_refresh_token (
    token_hash  VARCHAR(64)   NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    user_id     BIGINT        NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used        BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT hub_refresh_token_pk PRIMARY KEY (token_hash)
);
CREATE INDEX hub_refresh_token_user_ix ON hub_refresh_token (tenant_id, user_id);

-- The credential vault: AES-256-GCM ciphertexts, each with the id of the key that made it.
CREATE SEQUENCE hub_secret_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE hub_secret (
    id          BIGINT         NOT NULL,
    tenant_id   VARCHAR(64)    NOT NULL,
    purpose     VARCHAR(100)   NOT NULL,
    key_id      VARCHAR(64)    NOT NULL,
    ciphertext  VARCHAR(8000)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT         NOT NULL,
    CONSTRAINT hub_secret_pk PRIMARY KEY (id)
);
CREATE INDEX hub_secret_tenant_ix ON hub_secret (tenant_id, id);
CREATE INDEX hub_secret_key_ix ON hub_secret (key_id);
