package org.hms.hub.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.order.OrderOperationView;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * One step of an order's sync history. Outcomes: PENDING (a call to the other side is on its way), DONE (it
 * confirmed), FAILED (a dead letter holds it), IGNORED (an echo, a repeat, a stale update), REJECTED (the status
 * model refused the change).
 */
@Entity
@Table(name = "ord_operation")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = OrderOperation.FOR_ORDER, query = "SELECT o FROM OrderOperation o WHERE o.orderId = :orderId"
        + " ORDER BY o.createdAt DESC, o.id DESC")
@NamedQuery(name = OrderOperation.COUNT_OPEN, query = "SELECT o.outcome, COUNT(o) FROM OrderOperation o WHERE"
        + " o.orderId = :orderId AND o.outcome IN ('PENDING', 'FAILED') GROUP BY o.outcome")
@NamedQuery(name = OrderOperation.STALE_PENDING, query = "SELECT o.id, o.deliveryId FROM OrderOperation o WHERE"
        + " o.outcome = 'PENDING' AND o.createdAt < :before AND o.deliveryId IS NOT NULL ORDER BY o.createdAt")
@NamedQuery(name = OrderOperation.LAGS, query = "SELECT o.lagMs FROM OrderOperation o WHERE o.completedAt >= :since"
        + " AND o.lagMs IS NOT NULL")
public class OrderOperation {

    public static final String FOR_ORDER = "OrderOperation.forOrder";
    public static final String COUNT_OPEN = "OrderOperation.countOpen";
    public static final String LAGS = "OrderOperation.lags";
    public static final String STALE_PENDING = "OrderOperation.stalePending";

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String IGNORED = "IGNORED";
    public static final String REJECTED = "REJECTED";

    @Id
    @SequenceGenerator(name = "ord_operation_seq", sequenceName = "ord_operation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ord_operation_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(nullable = false, length = 16)
    private String direction;

    @Column(nullable = false, length = 32)
    private String action;

    @Column(length = 32)
    private String status;

    @Column(nullable = false, length = 16)
    private String outcome;

    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "receipt_id", length = 36)
    private String receiptId;

    @Column(length = 1000)
    private String detail;

    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "lag_ms")
    private Long lagMs;

    @Version
    private long version;

    protected OrderOperation() {
    }

    public OrderOperation(long orderId, String direction, String action, String status, String outcome,
                          String receiptId, OffsetDateTime receivedAt, String detail) {
        this.orderId = orderId;
        this.direction = direction;
        this.action = action;
        this.status = status;
        this.outcome = outcome;
        this.receiptId = receiptId;
        this.receivedAt = receivedAt;
        this.detail = clip(detail);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (!PENDING.equals(outcome)) {
            this.completedAt = createdAt;
        }
    }

    public long id() { return id; }
    public long orderId() { return orderId; }
    public String action() { return action; }
    public String outcome() { return outcome; }
    public String direction() { return direction; }
    public Long lagMs() { return lagMs; }

    public void delivery(long deliveryId) {
        this.deliveryId = deliveryId;
    }

    /** The other side confirmed (or, again after a replay, confirmed at last). */
    public void done() {
        this.outcome = DONE;
        this.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.lagMs = receivedAt == null ? null : Math.max(0, Duration.between(receivedAt, completedAt).toMillis());
    }

    public void failed(String error) {
        this.outcome = FAILED;
        this.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.detail = clip(error);
    }

    /** Whether this operation failed already, with this error. */
    public boolean failedWith(String error) {
        return FAILED.equals(outcome) && java.util.Objects.equals(detail, clip(error));
    }

    private static String clip(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 1000));
    }

    public OrderOperationView view() {
        return new OrderOperationView(id, createdAt, direction, action, status, outcome, deliveryId, detail, lagMs,
                completedAt);
    }
}
