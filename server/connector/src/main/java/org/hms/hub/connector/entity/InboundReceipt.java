package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * One accepted inbound item — a webhook, a polled record version, a queue message — identified by the source's own
 * id for it ({@code externalId}), which is unique per connector: the same item arriving again is recognised.
 * The payload travels on {@code hub.inbound}; the receipt keeps its digest, and the payload itself only until the
 * item is processed — so that an item whose message was lost (a stop that split the commit) can be queued again.
 */
@Entity
@Table(name = "con_inbound_receipt")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = InboundReceipt.BY_EXTERNAL_ID,
        query = "SELECT r FROM InboundReceipt r WHERE r.connectorId = :connectorId AND r.externalId = :externalId")
@NamedQuery(name = InboundReceipt.BY_EXTERNAL_IDS, query = "SELECT r FROM InboundReceipt r"
        + " WHERE r.connectorId = :connectorId AND r.externalId IN :externalIds")
@NamedQuery(name = InboundReceipt.BY_IDS, query = "SELECT r FROM InboundReceipt r WHERE r.id IN :ids")
@NamedQuery(name = InboundReceipt.COUNT_FOR_JOB, query = "SELECT COUNT(r) FROM InboundReceipt r WHERE r.syncJobId = :job")
public class InboundReceipt {

    public static final String BY_EXTERNAL_ID = "InboundReceipt.byExternalId";
    public static final String BY_IDS = "InboundReceipt.byIds";
    public static final String BY_EXTERNAL_IDS = "InboundReceipt.byExternalIds";
    public static final String COUNT_FOR_JOB = "InboundReceipt.countForJob";

    public enum Source { WEBHOOK, POLL, QUEUE, SYNC, EVENT, REPLAY }

    public enum State { RECEIVED, PROCESSED, FAILED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "connector_id", nullable = false, updatable = false)
    private long connectorId;

    @Column(nullable = false, updatable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source source;

    @Column(name = "external_id", nullable = false, updatable = false, length = 400)
    private String externalId;

    @Column(name = "event_type", length = 120)
    private String eventType;

    @Column(name = "entity_key", length = 300)
    private String entityKey;

    @Column(name = "payload_sha256", nullable = false, updatable = false, length = 64)
    private String payloadSha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int sizeBytes;

    @Column(name = "sync_job_id", length = 36, updatable = false)
    private String syncJobId;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    @Column(name = "fan_out")
    private Integer fanOut;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "processed_at")
    private OffsetDateTime processedAt;

    @Column(name = "pending_payload")
    private String pendingPayload;

    @Column(name = "enqueued_at")
    private OffsetDateTime enqueuedAt;

    protected InboundReceipt() {
    }

    public InboundReceipt(long connectorId, Source source, String externalId, String eventType, String entityKey,
                          String payloadSha256, int sizeBytes, String syncJobId, String payload) {
        this.id = java.util.UUID.randomUUID().toString();
        this.connectorId = connectorId;
        this.source = source;
        this.externalId = externalId;
        this.eventType = eventType;
        this.entityKey = entityKey;
        this.payloadSha256 = payloadSha256;
        this.sizeBytes = sizeBytes;
        this.syncJobId = syncJobId;
        this.state = State.RECEIVED;
        // microseconds, what both databases store: the 202 of the first call and of a repeat then carry one value
        this.receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.pendingPayload = payload;
        this.enqueuedAt = receivedAt;
    }

    public String id() { return id; }
    public long connectorId() { return connectorId; }
    public Source source() { return source; }
    public String externalId() { return externalId; }
    public String eventType() { return eventType; }
    public String entityKey() { return entityKey; }
    public String payloadSha256() { return payloadSha256; }
    public String syncJobId() { return syncJobId; }
    public State state() { return state; }
    public OffsetDateTime receivedAt() { return receivedAt; }
    /** The item while it is not processed yet; null once it is (or for items received before the hub kept it). */
    public String pendingPayload() { return pendingPayload; }
    public OffsetDateTime enqueuedAt() { return enqueuedAt; }

    /** Its message was sent (again) now. */
    public void enqueued() {
        this.enqueuedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void processed(String eventType, String entityKey, int fanOut) {
        this.eventType = eventType;
        this.entityKey = entityKey;
        this.fanOut = fanOut;
        this.state = State.PROCESSED;
        this.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.pendingPayload = null;
    }

    /** Taken over by the module that claims its connector's items (nothing fanned out here). */
    public void takenOver() {
        processed(eventType, entityKey != null ? entityKey : id, 0);
    }

    public void failed() {
        this.state = State.FAILED;
        this.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.pendingPayload = null;
    }
}
