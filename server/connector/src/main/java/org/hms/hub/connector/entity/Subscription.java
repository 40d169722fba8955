package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.platform.tenancy.Tenancy;

/** A connector subscribed to an event type: each such event becomes one delivery to it. */
@Entity
@Table(name = "con_subscription")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = Subscription.FOR_TYPE,
        query = "SELECT s FROM Subscription s WHERE s.eventType = :eventType AND s.enabled = TRUE ORDER BY s.id")
@NamedQuery(name = Subscription.ALL, query = "SELECT s FROM Subscription s ORDER BY s.eventType, s.connectorId")
@NamedQuery(name = Subscription.FOR_CONNECTOR, query = "SELECT s FROM Subscription s WHERE s.connectorId = :connectorId")
public class Subscription {

    public static final String FOR_TYPE = "Subscription.forType";
    public static final String ALL = "Subscription.all";
    public static final String FOR_CONNECTOR = "Subscription.forConnector";

    @Id
    @SequenceGenerator(name = "con_subscription_seq", sequenceName = "con_subscription_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "con_subscription_seq")
    private Long id;

    @Column(name = "connector_id", nullable = false)
    private long connectorId;

    @Column(name = "event_type", nullable = false, length = 120)
    private String eventType;

    @Column(name = "mapping_id")
    private Long mappingId;

    @Column(name = "http_method", nullable = false, length = 8)
    private String method;

    @Column(length = 500)
    private String path;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(long connectorId, String eventType) {
        this.connectorId = connectorId;
        this.eventType = eventType;
        this.method = "POST";
        this.enabled = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public long id() { return id; }
    public long connectorId() { return connectorId; }
    public String eventType() { return eventType; }
    public Long mappingId() { return mappingId; }
    public String method() { return method; }
    public String path() { return path; }
    public boolean enabled() { return enabled; }
    public String disabledReason() { return disabledReason; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    public long version() { return version; }

    public void change(String eventType, Long mappingId, String method, String path) {
        this.eventType = eventType;
        this.mappingId = mappingId;
        this.method = method;
        this.path = path;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void enable() {
        this.enabled = true;
        this.disabledReason = null;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void disable(String reason) {
        this.enabled = false;
        this.disabledReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
