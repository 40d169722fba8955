-- Mappings (module mapping, prefix map_): a mapping and its immutable versions.

CREATE SEQUENCE map_mapping_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE map_mapping (
    id              BIGINT        NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    name            VARCHAR(120)  NOT NULL,
    connector_id    BIGINT,
    resource_type   VARCHAR(64)   NOT NULL,
    direction       VARCHAR(16)   NOT NULL,
    source_format   VARCHAR(16)   NOT NULL,
    target_format   VARCHAR(16)   NOT NULL,
    active_version  INTEGER       NOT NULL,
    latest_version  INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT map_mapping_pk PRIMARY KEY (id),
    CONSTRAINT map_mapping_name_uk UNIQUE (tenant_id, name)
);

CREATE SEQUENCE map_mapping_version_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE map_mapping_version (
    id          BIGINT         NOT NULL,
    tenant_id   VARCHAR(64)    NOT NULL,
    mapping_id  BIGINT         NOT NULL,
    version_no  INTEGER        NOT NULL,
    definition  VARCHAR(60000) NOT NULL,
    created_by  VARCHAR(200)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT map_mapping_version_pk PRIMARY KEY (id),
    CONSTRAINT map_mapping_version_uk UNIQUE (tenant_id, mapping_id, version_no)
);
