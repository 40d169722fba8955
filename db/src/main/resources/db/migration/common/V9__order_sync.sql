-- Order sync (issue #7): deliveries other modules ask for, and the order module's own tables.

-- A delivery asked for by another module (order sync): a lookup made before the call, where the answer's id is,
-- where the outcome goes, the caller's reference, a hold (kill switch), and the id the call created or found.
ALTER TABLE con_delivery ADD COLUMN lookup CHARACTER VARYING;
ALTER TABLE con_delivery ADD COLUMN result_pointer VARCHAR(200);
ALTER TABLE con_delivery ADD COLUMN reply_to VARCHAR(120);
ALTER TABLE con_delivery ADD COLUMN reference VARCHAR(200);
ALTER TABLE con_delivery ADD COLUMN hold_key VARCHAR(120);
ALTER TABLE con_delivery ADD COLUMN result_id VARCHAR(200);
CREATE INDEX con_delivery_hold_ix ON con_delivery (hold_key, state);

-- An integration: the HMS-API connector and the HMS-OMS connector kept in step, and its kill switch.
CREATE SEQUENCE ord_integration_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE ord_integration (
    id                     BIGINT        NOT NULL,
    tenant_id              VARCHAR(64)   NOT NULL,
    name                   VARCHAR(120)  NOT NULL,
    api_connector_id       BIGINT        NOT NULL,
    oms_connector_id       BIGINT        NOT NULL,
    api_to_oms_mapping_id  BIGINT,
    oms_to_api_mapping_id  BIGINT,
    reconcile_hours        INTEGER       NOT NULL,
    state                  VARCHAR(16)   NOT NULL,
    state_reason           VARCHAR(500),
    state_changed_at       TIMESTAMP WITH TIME ZONE,
    last_reconciled_at     TIMESTAMP WITH TIME ZONE,
    reconcile_lease_until  TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT ord_integration_pk PRIMARY KEY (id),
    CONSTRAINT ord_integration_name_uk UNIQUE (tenant_id, name),
    CONSTRAINT ord_integration_api_uk UNIQUE (tenant_id, api_connector_id),
    CONSTRAINT ord_integration_oms_uk UNIQUE (tenant_id, oms_connector_id)
);

-- The cross-reference: one row per order, whose unique keys make a second OMS order for one API order impossible.
CREATE SEQUENCE ord_order_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ord_order (
    id                 BIGINT        NOT NULL,
    tenant_id          VARCHAR(64)   NOT NULL,
    integration_id     BIGINT        NOT NULL,
    api_order_id       VARCHAR(64)   NOT NULL,
    ext_code           VARCHAR(64)   NOT NULL,
    oms_order_id       VARCHAR(64),
    title              VARCHAR(300),
    api_user_id        VARCHAR(64),
    api_status         VARCHAR(32),
    api_updated_at     TIMESTAMP WITH TIME ZONE,
    api_pushed_status  VARCHAR(32),
    oms_status         VARCHAR(32),
    oms_updated_at     TIMESTAMP WITH TIME ZONE,
    oms_pushed_status  VARCHAR(32),
    content_digest     VARCHAR(64),
    create_requested   BOOLEAN       NOT NULL,
    sync_state         VARCHAR(16)   NOT NULL,
    last_error         VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT ord_order_pk PRIMARY KEY (id),
    CONSTRAINT ord_order_api_uk UNIQUE (tenant_id, integration_id, api_order_id),
    CONSTRAINT ord_order_ext_uk UNIQUE (tenant_id, integration_id, ext_code),
    CONSTRAINT ord_order_oms_uk UNIQUE (tenant_id, integration_id, oms_order_id)
);
CREATE INDEX ord_order_changed_ix ON ord_order (tenant_id, updated_at);
CREATE INDEX ord_order_state_ix ON ord_order (tenant_id, sync_state, updated_at);

-- An order's sync history: what came in, what the hub did, how the other side answered.
CREATE SEQUENCE ord_operation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ord_operation (
    id              BIGINT        NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    order_id        BIGINT        NOT NULL,
    direction       VARCHAR(16)   NOT NULL,
    action          VARCHAR(32)   NOT NULL,
    status          VARCHAR(32),
    outcome         VARCHAR(16)   NOT NULL,
    delivery_id     BIGINT,
    receipt_id      VARCHAR(36),
    detail          VARCHAR(1000),
    received_at     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    lag_ms          BIGINT,
    version         BIGINT        NOT NULL,
    CONSTRAINT ord_operation_pk PRIMARY KEY (id)
);
CREATE INDEX ord_operation_order_ix ON ord_operation (order_id, created_at);
CREATE INDEX ord_operation_done_ix ON ord_operation (tenant_id, completed_at);
CREATE INDEX ord_operation_pending_ix ON ord_operation (outcome, created_at);

-- API user id → OMS user id, per integration.
CREATE SEQUENCE ord_user_map_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ord_user_map (
    id              BIGINT        NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    integration_id  BIGINT        NOT NULL,
    api_user_id     VARCHAR(64)   NOT NULL,
    oms_user_id     VARCHAR(64)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(200)  NOT NULL,
    CONSTRAINT ord_user_map_pk PRIMARY KEY (id),
    CONSTRAINT ord_user_map_uk UNIQUE (tenant_id, integration_id, api_user_id)
);

-- Reconciliation runs and their reports.
CREATE SEQUENCE ord_reconcile_run_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE ord_reconcile_run (
    id              BIGINT        NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    integration_id  BIGINT        NOT NULL,
    window_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    repair          BOOLEAN       NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    report          CHARACTER VARYING NOT NULL,
    CONSTRAINT ord_reconcile_run_pk PRIMARY KEY (id)
);
CREATE INDEX ord_reconcile_run_ix ON ord_reconcile_run (tenant_id, integration_id, id);
