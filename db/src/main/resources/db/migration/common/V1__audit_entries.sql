-- Audit trail, first slice: one row per event seen on hub.events.
-- Ids come from a sequence (allocation 50, matching the entity's @SequenceGenerator). It starts at 50:
-- EclipseLink takes the value it gets as the top of a block of 50 and, in the version Payara Server 6 ships,
-- rejects a first value below the block size ("sequence setup incorrectly").
CREATE SEQUENCE aud_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE aud_entry (
    id              BIGINT        NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    action          VARCHAR(100)  NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    correlation_id  VARCHAR(100),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT aud_entry_pk PRIMARY KEY (id),
    CONSTRAINT aud_entry_event_uk UNIQUE (event_id)
);

CREATE INDEX aud_entry_tenant_id_ix ON aud_entry (tenant_id, id);
