-- Connectors (module connector, prefix con_). Secrets are ids into hub_secret (the vault), never values.

CREATE SEQUENCE con_connector_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE con_connector (
    id                   BIGINT         NOT NULL,
    tenant_id            VARCHAR(64)    NOT NULL,
    name                 VARCHAR(120)   NOT NULL,
    connector_type       VARCHAR(32)    NOT NULL,
    provider             VARCHAR(120),
    description          VARCHAR(1000),
    endpoint             VARCHAR(2000),
    local_network        BOOLEAN        NOT NULL,
    auth_type            VARCHAR(16)    NOT NULL,
    api_key_secret_id    BIGINT,
    api_key_header       VARCHAR(100),
    api_key_query_param  VARCHAR(100),
    username             VARCHAR(200),
    password_secret_id   BIGINT,
    token_secret_id      BIGINT,
    client_id            VARCHAR(200),
    client_secret_id     BIGINT,
    token_url            VARCHAR(2000),
    scopes               VARCHAR(1000),
    headers              VARCHAR(8000)  NOT NULL,
    timeout_ms           INTEGER        NOT NULL,
    retry_attempts       INTEGER        NOT NULL,
    retry_backoff_ms     INTEGER        NOT NULL,
    health_path          VARCHAR(500),
    config               VARCHAR(16000) NOT NULL,
    webhook_enabled      BOOLEAN        NOT NULL,
    webhook_style        VARCHAR(16),
    webhook_secret_id    BIGINT,
    status               VARCHAR(16)    NOT NULL,
    last_synced_at       TIMESTAMP WITH TIME ZONE,
    last_error           VARCHAR(1000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT         NOT NULL,
    CONSTRAINT con_connector_pk PRIMARY KEY (id),
    CONSTRAINT con_connector_name_uk UNIQUE (tenant_id, name)
);
CREATE INDEX con_connector_tenant_ix ON con_connector (tenant_id, name);

CREATE SEQUENCE con_connection_test_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE con_connection_test (
    id            BIGINT        NOT NULL,
    tenant_id     VARCHAR(64)   NOT NULL,
    connector_id  BIGINT        NOT NULL,
    tested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    success       BOOLEAN       NOT NULL,
    latency_ms    BIGINT        NOT NULL,
    http_status   INTEGER,
    diagnosis     VARCHAR(1000) NOT NULL,
    detail        VARCHAR(1000),
    CONSTRAINT con_connection_test_pk PRIMARY KEY (id)
);
CREATE INDEX con_connection_test_connector_ix ON con_connection_test (tenant_id, connector_id, id);
