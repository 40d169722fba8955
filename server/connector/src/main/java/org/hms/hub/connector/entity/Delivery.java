package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.QueryHints;
import org.hms.hub.model.sync.DeliveryState;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * One outbound call to a connector: the exact payload, where it goes, and where it is (QUEUED → IN_FLIGHT →
 * DELIVERED, or RETRYING, or DEAD). Ids come from the sequence one at a time, so for one entity they are in
 * creation order: a delivery waits (BLOCKED) while an earlier one of the same entity key is unfinished.
 */
@Entity
@Table(name = "con_delivery")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = Delivery.EARLIER_UNFINISHED, query = "SELECT COUNT(d) FROM Delivery d WHERE d.connectorId = :connectorId"
        + " AND d.entityKey = :entityKey AND d.id < :id AND d.state IN :unfinished")
// the limit is part of the definition: a setMaxResults at the call would make EclipseLink build the query's SQL
// again at every execution (once per finished delivery)
@NamedQuery(name = Delivery.NEXT_BLOCKED, query = "SELECT d FROM Delivery d WHERE d.connectorId = :connectorId"
        + " AND d.entityKey = :entityKey AND d.state = org.hms.hub.model.sync.DeliveryState.BLOCKED ORDER BY d.id",
        hints = @QueryHint(name = QueryHints.JDBC_MAX_ROWS, value = "1"))
@NamedQuery(name = Delivery.COUNT_BY_STATE, query = "SELECT d.state, COUNT(d) FROM Delivery d WHERE d.connectorId = "
        + ":connectorId AND d.state IN :states GROUP BY d.state")
@NamedQuery(name = Delivery.DELIVERED_SINCE, query = "SELECT COUNT(d) FROM Delivery d WHERE d.connectorId = :connectorId"
        + " AND d.deliveredAt >= :since")
@NamedQuery(name = Delivery.LAST_DELIVERED, query = "SELECT MAX(d.deliveredAt) FROM Delivery d WHERE d.connectorId = "
        + ":connectorId")
@NamedQuery(name = Delivery.OLDEST_UNFINISHED, query = "SELECT MIN(d.createdAt) FROM Delivery d WHERE d.connectorId = "
        + ":connectorId AND d.state IN :unfinished")
@NamedQuery(name = Delivery.UNFINISHED_FOR, query = "SELECT COUNT(d) FROM Delivery d WHERE d.connectorId = :connectorId"
        + " AND d.state IN :unfinished")
@NamedQuery(name = Delivery.STUCK_FOR, query = "SELECT d FROM Delivery d WHERE d.connectorId = :connectorId"
        + " AND d.state IN :unfinished AND d.createdAt >= :since ORDER BY d.id")
@NamedQuery(name = Delivery.COUNT_FOR_JOB, query = "SELECT d.state, COUNT(d) FROM Delivery d WHERE d.syncJobId = :job"
        + " GROUP BY d.state")
@NamedQuery(name = Delivery.BY_KEY, query = "SELECT d FROM Delivery d WHERE d.connectorId = :connectorId"
        + " AND d.idempotencyKey = :key")
public class Delivery {

    public static final String BY_KEY = "Delivery.byKey";
    public static final String EARLIER_UNFINISHED = "Delivery.earlierUnfinished";
    public static final String NEXT_BLOCKED = "Delivery.nextBlocked";
    public static final String COUNT_BY_STATE = "Delivery.countByState";
    public static final String DELIVERED_SINCE = "Delivery.deliveredSince";
    public static final String LAST_DELIVERED = "Delivery.lastDelivered";
    public static final String OLDEST_UNFINISHED = "Delivery.oldestUnfinished";
    public static final String UNFINISHED_FOR = "Delivery.unfinishedFor";
    public static final String STUCK_FOR = "Delivery.stuckFor";
    public static final String COUNT_FOR_JOB = "Delivery.countForJob";

    public static final java.util.List<DeliveryState> UNFINISHED = java.util.List.of(DeliveryState.QUEUED,
            DeliveryState.BLOCKED, DeliveryState.HELD, DeliveryState.IN_FLIGHT, DeliveryState.RETRYING);

    @Id
    @SequenceGenerator(name = "con_delivery_seq", sequenceName = "con_delivery_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "con_delivery_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(name = "connector_id", nullable = false, updatable = false)
    private long connectorId;

    @Column(name = "subscription_id", updatable = false)
    private Long subscriptionId;

    @Column(name = "receipt_id", length = 36, updatable = false)
    private String receiptId;

    @Column(name = "sync_job_id", length = 36)
    private String syncJobId;

    @Column(name = "event_type", nullable = false, updatable = false, length = 120)
    private String eventType;

    @Column(name = "entity_key", nullable = false, updatable = false, length = 300)
    private String entityKey;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = 200)
    private String idempotencyKey;

    @Column(name = "http_method", nullable = false, length = 8)
    private String method;

    @Column(length = 500)
    private String path;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "in_flight_until")
    private OffsetDateTime inFlightUntil;

    @Column(name = "last_enqueued_at")
    private OffsetDateTime lastEnqueuedAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    /** JSON of an {@code OutboundRequest.Lookup}: a GET made before the call (deliveries other modules asked for). */
    @Column(name = "lookup")
    private String lookup;

    @Column(name = "result_pointer", length = 200)
    private String resultPointer;

    @Column(name = "reply_to", length = 120)
    private String replyTo;

    @Column(name = "reference", length = 200)
    private String reference;

    @Column(name = "hold_key", length = 120)
    private String holdKey;

    @Column(name = "result_id", length = 200)
    private String resultId;

    @Version
    private long version;

    /** The version a delivery is first written with (EclipseLink's initial value for a numeric version). */
    public static final long FIRST_VERSION = 1;

    protected Delivery() {
    }

    public Delivery(long connectorId, Long subscriptionId, String receiptId, String syncJobId, String eventType,
                    String entityKey, String idempotencyKey, String method, String path, String payload) {
        this.connectorId = connectorId;
        this.subscriptionId = subscriptionId;
        this.receiptId = receiptId;
        this.syncJobId = syncJobId;
        this.eventType = eventType;
        this.entityKey = entityKey;
        this.idempotencyKey = idempotencyKey;
        this.method = method;
        this.path = path;
        this.payload = payload;
        this.state = DeliveryState.QUEUED;
        this.createdAt = now();
        this.updatedAt = createdAt;
        this.lastEnqueuedAt = createdAt;
    }

    /** What another module asked for besides the call itself (see {@code Outbox}). */
    public Delivery requestedBy(String lookup, String resultPointer, String replyTo, String reference, String holdKey) {
        this.lookup = lookup;
        this.resultPointer = resultPointer;
        this.replyTo = replyTo;
        this.reference = reference;
        this.holdKey = holdKey;
        if (holdKey != null) {
            this.state = DeliveryState.HELD;
        }
        return this;
    }

    /** Let go of a hold: queued from now on. */
    public void release() {
        this.state = DeliveryState.QUEUED;
        this.updatedAt = now();
        this.lastEnqueuedAt = updatedAt;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long id() { return id; }
    public String tenant() { return tenant; }
    public long connectorId() { return connectorId; }
    public Long subscriptionId() { return subscriptionId; }
    public String receiptId() { return receiptId; }
    public String syncJobId() { return syncJobId; }
    public String eventType() { return eventType; }
    public String entityKey() { return entityKey; }
    public String idempotencyKey() { return idempotencyKey; }
    public String method() { return method; }
    public String path() { return path; }
    public String payload() { return payload; }
    public DeliveryState state() { return state; }
    public int attempts() { return attempts; }
    public OffsetDateTime nextAttemptAt() { return nextAttemptAt; }
    public OffsetDateTime inFlightUntil() { return inFlightUntil; }
    public Integer lastStatus() { return lastStatus; }
    public String lastError() { return lastError; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime deliveredAt() { return deliveredAt; }
    public long version() { return version; }
    public String lookup() { return lookup; }
    public String resultPointer() { return resultPointer; }
    public String replyTo() { return replyTo; }
    public String reference() { return reference; }
    public String holdKey() { return holdKey; }
    public String resultId() { return resultId; }

    /** A JMS message for it is on its way. */
    public void enqueued() {
        this.lastEnqueuedAt = now();
    }

    public void blocked() {
        this.state = DeliveryState.BLOCKED;
        this.updatedAt = now();
    }

    /** Claimed for one attempt, which must end before {@code until}. */
    public void inFlight(OffsetDateTime until) {
        this.state = DeliveryState.IN_FLIGHT;
        this.attempts++;
        this.inFlightUntil = until;
        this.updatedAt = now();
    }

    public void delivered(int status, String resultId) {
        this.resultId = resultId;
        this.state = DeliveryState.DELIVERED;
        this.lastStatus = status;
        this.lastError = null;
        this.deliveredAt = now();
        this.inFlightUntil = null;
        this.nextAttemptAt = null;
        this.updatedAt = deliveredAt;
    }

    public void retryAt(OffsetDateTime at, Integer status, String error) {
        this.state = DeliveryState.RETRYING;
        this.lastStatus = status;
        this.lastError = clip(error);
        this.nextAttemptAt = at;
        this.inFlightUntil = null;
        this.updatedAt = now();
    }

    /** Waits without an attempt being counted (the connector's circuit is open). */
    public void postpone(OffsetDateTime at) {
        this.state = DeliveryState.RETRYING;
        this.nextAttemptAt = at;
        this.updatedAt = now();
    }

    public void dead(Integer status, String error) {
        this.state = DeliveryState.DEAD;
        this.lastStatus = status;
        this.lastError = clip(error);
        this.inFlightUntil = null;
        this.nextAttemptAt = null;
        this.updatedAt = now();
    }

    /** Back into the queue for a replay: the same idempotency key, a fresh count of attempts. */
    public void requeue(String payload, String syncJobId) {
        if (payload != null) {
            this.payload = payload;
        }
        if (syncJobId != null) {
            this.syncJobId = syncJobId;
        }
        this.state = DeliveryState.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = null;
        this.inFlightUntil = null;
        this.updatedAt = now();
        this.lastEnqueuedAt = updatedAt;
    }

    /** Counts the delivery to a sync job from now on. */
    public void adopt(String syncJobId) {
        this.syncJobId = syncJobId;
    }

    public void discarded() {
        this.state = DeliveryState.DISCARDED;
        this.updatedAt = now();
    }

    private static String clip(String s) {
        return s == null ? null : s.substring(0, Math.min(1000, s.length()));
    }
}
