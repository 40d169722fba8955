-- Sync engine (module connector, prefix con_): inbound receipts, subscriptions, deliveries, dead letters,
-- sync jobs and polling state. Payloads are unbounded CHARACTER VARYING (H2 and PostgreSQL both accept it).

-- A rotated inbound webhook secret stays valid for a grace period.
ALTER TABLE con_connector ADD COLUMN webhook_prev_secret_id BIGINT;
ALTER TABLE con_connector ADD COLUMN webhook_rotated_at TIMESTAMP WITH TIME ZONE;

-- One row per accepted inbound item (webhook, polled record, queue message); the unique key makes a
-- replayed webhook id or a re-pulled record version count once.
CREATE TABLE con_inbound_receipt (
    id              VARCHAR(36)   NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    connector_id    BIGINT        NOT NULL,
    source          VARCHAR(16)   NOT NULL,
    external_id     VARCHAR(400)  NOT NULL,
    event_type      VARCHAR(120),
    entity_key      VARCHAR(300),
    payload_sha256  VARCHAR(64)   NOT NULL,
    size_bytes      INTEGER       NOT NULL,
    sync_job_id     VARCHAR(36),
    state           VARCHAR(16)   NOT NULL,
    fan_out         INTEGER,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT con_inbound_receipt_pk PRIMARY KEY (id),
    CONSTRAINT con_inbound_receipt_uk UNIQUE (tenant_id, connector_id, external_id)
);
CREATE INDEX con_inbound_receipt_job_ix ON con_inbound_receipt (sync_job_id);

CREATE SEQUENCE con_subscription_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE con_subscription (
    id               BIGINT        NOT NULL,
    tenant_id        VARCHAR(64)   NOT NULL,
    connector_id     BIGINT        NOT NULL,
    event_type       VARCHAR(120)  NOT NULL,
    mapping_id       BIGINT,
    http_method      VARCHAR(8)    NOT NULL,
    path             VARCHAR(500),
    enabled          BOOLEAN       NOT NULL,
    disabled_reason  VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT con_subscription_pk PRIMARY KEY (id),
    CONSTRAINT con_subscription_uk UNIQUE (tenant_id, connector_id, event_type)
);
CREATE INDEX con_subscription_type_ix ON con_subscription (tenant_id, event_type, enabled);

-- One row per outbound call. Ids come one at a time from the sequence, so that they order one entity's
-- deliveries by creation across hub instances.
CREATE SEQUENCE con_delivery_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE con_delivery (
    id                BIGINT        NOT NULL,
    tenant_id         VARCHAR(64)   NOT NULL,
    connector_id      BIGINT        NOT NULL,
    subscription_id   BIGINT,
    receipt_id        VARCHAR(36),
    sync_job_id       VARCHAR(36),
    event_type        VARCHAR(120)  NOT NULL,
    entity_key        VARCHAR(300)  NOT NULL,
    idempotency_key   VARCHAR(200)  NOT NULL,
    http_method       VARCHAR(8)    NOT NULL,
    path              VARCHAR(500),
    payload           CHARACTER VARYING NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    in_flight_until   TIMESTAMP WITH TIME ZONE,
    last_enqueued_at  TIMESTAMP WITH TIME ZONE,
    last_status       INTEGER,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL,
    CONSTRAINT con_delivery_pk PRIMARY KEY (id),
    CONSTRAINT con_delivery_key_uk UNIQUE (tenant_id, connector_id, idempotency_key)
);
CREATE INDEX con_delivery_entity_ix ON con_delivery (connector_id, entity_key, id);
CREATE INDEX con_delivery_state_ix ON con_delivery (state, updated_at);
CREATE INDEX con_delivery_connector_ix ON con_delivery (tenant_id, connector_id, state);
CREATE INDEX con_delivery_delivered_ix ON con_delivery (tenant_id, connector_id, delivered_at);
CREATE INDEX con_delivery_job_ix ON con_delivery (sync_job_id);

CREATE SEQUENCE con_dead_letter_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE con_dead_letter (
    id               BIGINT         NOT NULL,
    tenant_id        VARCHAR(64)    NOT NULL,
    connector_id     BIGINT         NOT NULL,
    kind             VARCHAR(16)    NOT NULL,
    delivery_id      BIGINT,
    receipt_id       VARCHAR(36),
    event_type       VARCHAR(120),
    entity_key       VARCHAR(300),
    reason           VARCHAR(32)    NOT NULL,
    error            VARCHAR(2000)  NOT NULL,
    http_status      INTEGER,
    attempts         INTEGER        NOT NULL,
    request_headers  VARCHAR(8000)  NOT NULL,
    payload          CHARACTER VARYING NOT NULL,
    edited           BOOLEAN        NOT NULL,
    state            VARCHAR(16)    NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    resolved_by      VARCHAR(200),
    version          BIGINT         NOT NULL,
    CONSTRAINT con_dead_letter_pk PRIMARY KEY (id)
);
CREATE INDEX con_dead_letter_state_ix ON con_dead_letter (tenant_id, state, created_at);
CREATE INDEX con_dead_letter_connector_ix ON con_dead_letter (tenant_id, connector_id, created_at);

CREATE TABLE con_sync_job (
    id                VARCHAR(36)   NOT NULL,
    tenant_id         VARCHAR(64)   NOT NULL,
    connector_id      BIGINT        NOT NULL,
    mode              VARCHAR(16)   NOT NULL,
    since             TIMESTAMP WITH TIME ZONE,
    state             VARCHAR(16)   NOT NULL,
    items_read        BIGINT        NOT NULL,
    items_enqueued    BIGINT        NOT NULL,
    items_skipped     BIGINT        NOT NULL,
    items_total       BIGINT,
    error             VARCHAR(1000),
    cancel_requested  BOOLEAN       NOT NULL,
    created_by        VARCHAR(200)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL,
    CONSTRAINT con_sync_job_pk PRIMARY KEY (id)
);
CREATE INDEX con_sync_job_connector_ix ON con_sync_job (tenant_id, connector_id, state);

-- Polling: the watermark a connector's next poll starts from, and the lease that makes one instance of the
-- cluster poll it at a time.
CREATE TABLE con_poll_state (
    connector_id     BIGINT         NOT NULL,
    tenant_id        VARCHAR(64)    NOT NULL,
    watermark        VARCHAR(200),
    poll_cursor      VARCHAR(2000),
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMP WITH TIME ZONE,
    next_poll_at     TIMESTAMP WITH TIME ZONE,
    last_poll_at     TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    items_pulled     BIGINT         NOT NULL,
    CONSTRAINT con_poll_state_pk PRIMARY KEY (connector_id)
);
