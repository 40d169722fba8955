package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeadLetterState;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * Something the hub gave up on, kept for review: a delivery (kind DELIVERY) or an inbound item it could not
 * process (kind INBOUND). A replay resolves it; a new failure after the replay is a new dead letter.
 */
@Entity
@Table(name = "con_dead_letter")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
public class DeadLetter {

    public enum Kind { DELIVERY, INBOUND }

    @Id
    @SequenceGenerator(name = "con_dead_letter_seq", sequenceName = "con_dead_letter_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "con_dead_letter_seq")
    private Long id;

    @Column(name = "connector_id", nullable = false, updatable = false)
    private long connectorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(name = "delivery_id", updatable = false)
    private Long deliveryId;

    @Column(name = "receipt_id", updatable = false, length = 36)
    private String receiptId;

    @Column(name = "event_type", updatable = false, length = 120)
    private String eventType;

    @Column(name = "entity_key", updatable = false, length = 300)
    private String entityKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private DeadLetterReason reason;

    @Column(nullable = false, updatable = false, length = 2000)
    private String error;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(nullable = false, updatable = false)
    private int attempts;

    @Column(name = "request_headers", nullable = false, updatable = false, length = 8000)
    private String headers;

    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private boolean edited;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeadLetterState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "resolved_by", length = 200)
    private String resolvedBy;

    @Version
    private long version;

    protected DeadLetter() {
    }

    public DeadLetter(long connectorId, Kind kind, Long deliveryId, String receiptId, String eventType,
                      String entityKey, DeadLetterReason reason, String error, Integer httpStatus, int attempts,
                      String headersJson, String payload) {
        this.connectorId = connectorId;
        this.kind = kind;
        this.deliveryId = deliveryId;
        this.receiptId = receiptId;
        this.eventType = eventType;
        this.entityKey = entityKey;
        this.reason = reason;
        this.error = error == null ? reason.name() : error.substring(0, Math.min(2000, error.length()));
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.headers = headersJson;
        this.payload = payload;
        this.state = DeadLetterState.OPEN;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long id() { return id; }
    public long connectorId() { return connectorId; }
    public Kind kind() { return kind; }
    public Long deliveryId() { return deliveryId; }
    public String receiptId() { return receiptId; }
    public String eventType() { return eventType; }
    public String entityKey() { return entityKey; }
    public DeadLetterReason reason() { return reason; }
    public String error() { return error; }
    public Integer httpStatus() { return httpStatus; }
    public int attempts() { return attempts; }
    public String headersJson() { return headers; }
    public String payload() { return payload; }
    public boolean edited() { return edited; }
    public DeadLetterState state() { return state; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime resolvedAt() { return resolvedAt; }
    public String resolvedBy() { return resolvedBy; }
    public long version() { return version; }

    public void edit(String payload) {
        this.payload = payload;
        this.edited = true;
    }

    public void resolve(DeadLetterState state, String by) {
        this.state = state;
        this.resolvedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.resolvedBy = by;
    }
}
