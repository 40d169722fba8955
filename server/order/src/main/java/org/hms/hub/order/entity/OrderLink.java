package org.hms.hub.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.model.order.OrderView;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * One order across both systems — the cross-reference. Unique per integration on the API order id, the ext_code
 * and the OMS order id, so a second OMS order for one API order cannot be recorded; {@code createRequested} says
 * the one create call has been queued. The status and {@code updated_at} of each side are the last the hub knows;
 * {@code *PushedStatus} is the last status the hub itself wrote to that side (an echo of it is recognised).
 */
@Entity
@Table(name = "ord_order")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = OrderLink.BY_API_ID, query = "SELECT o FROM OrderLink o WHERE o.integrationId = :integrationId"
        + " AND o.apiOrderId = :apiOrderId")
@NamedQuery(name = OrderLink.BY_API_ID_ANY, query = "SELECT o FROM OrderLink o WHERE o.apiOrderId = :apiOrderId"
        + " ORDER BY o.integrationId")
public class OrderLink {

    public static final String BY_API_ID = "OrderLink.byApiId";
    public static final String BY_API_ID_ANY = "OrderLink.byApiIdAny";

    @Id
    @SequenceGenerator(name = "ord_order_seq", sequenceName = "ord_order_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ord_order_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(name = "integration_id", nullable = false, updatable = false)
    private long integrationId;

    @Column(name = "api_order_id", nullable = false, updatable = false, length = 64)
    private String apiOrderId;

    @Column(name = "ext_code", nullable = false, updatable = false, length = 64)
    private String extCode;

    @Column(name = "oms_order_id", length = 64)
    private String omsOrderId;

    @Column(length = 300)
    private String title;

    @Column(name = "api_user_id", length = 64)
    private String apiUserId;

    @Column(name = "api_status", length = 32)
    private String apiStatus;

    @Column(name = "api_updated_at")
    private OffsetDateTime apiUpdatedAt;

    @Column(name = "api_pushed_status", length = 32)
    private String apiPushedStatus;

    @Column(name = "oms_status", length = 32)
    private String omsStatus;

    @Column(name = "oms_updated_at")
    private OffsetDateTime omsUpdatedAt;

    @Column(name = "oms_pushed_status", length = 32)
    private String omsPushedStatus;

    @Column(name = "content_digest", length = 64)
    private String contentDigest;

    @Column(name = "create_requested", nullable = false)
    private boolean createRequested;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_state", nullable = false, length = 16)
    private OrderSyncState syncState;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected OrderLink() {
    }

    public OrderLink(long integrationId, String apiOrderId) {
        this.integrationId = integrationId;
        this.apiOrderId = apiOrderId;
        this.extCode = apiOrderId;
        this.syncState = OrderSyncState.PENDING;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public long id() { return id; }
    public long integrationId() { return integrationId; }
    public String apiOrderId() { return apiOrderId; }
    public String extCode() { return extCode; }
    public String omsOrderId() { return omsOrderId; }
    public String title() { return title; }
    public String apiUserId() { return apiUserId; }
    public String apiStatus() { return apiStatus; }
    public OffsetDateTime apiUpdatedAt() { return apiUpdatedAt; }
    public String apiPushedStatus() { return apiPushedStatus; }
    public String omsStatus() { return omsStatus; }
    public OffsetDateTime omsUpdatedAt() { return omsUpdatedAt; }
    public String omsPushedStatus() { return omsPushedStatus; }
    public String contentDigest() { return contentDigest; }
    public boolean createRequested() { return createRequested; }
    public OrderSyncState syncState() { return syncState; }

    private void touch() {
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** What HMS-API says of the order (from its webhook, or read by reconciliation). */
    public void apiSide(String status, OffsetDateTime updatedAt, String title, String userId) {
        this.apiStatus = status;
        if (updatedAt != null && (apiUpdatedAt == null || updatedAt.isAfter(apiUpdatedAt))) {
            this.apiUpdatedAt = updatedAt;
        }
        if (title != null) {
            this.title = title.length() > 300 ? title.substring(0, 300) : title;
        }
        if (userId != null) {
            this.apiUserId = userId;
        }
        touch();
    }

    /** Only the version moves (an echo or a repeat carries nothing new). */
    public void apiSeen(OffsetDateTime updatedAt) {
        if (updatedAt != null && (apiUpdatedAt == null || updatedAt.isAfter(apiUpdatedAt))) {
            this.apiUpdatedAt = updatedAt;
            touch();
        }
    }

    public void omsSeen(OffsetDateTime updatedAt) {
        if (updatedAt != null && (omsUpdatedAt == null || updatedAt.isAfter(omsUpdatedAt))) {
            this.omsUpdatedAt = updatedAt;
            touch();
        }
    }

    /** What HMS-OMS says of the order. */
    public void omsSide(String omsOrderId, String status, OffsetDateTime updatedAt) {
        if (omsOrderId != null && this.omsOrderId == null) {
            this.omsOrderId = omsOrderId;
        }
        if (status != null) {
            this.omsStatus = status;
        }
        omsSeen(updatedAt);
        touch();
    }

    /** The hub wrote this status to HMS-API (its echo will come back). */
    public void pushedToApi(String status) {
        this.apiStatus = status;
        this.apiPushedStatus = status;
        touch();
    }

    /** The hub wrote this status to HMS-OMS. */
    public void pushedToOms(String status) {
        this.omsStatus = status;
        this.omsPushedStatus = status;
        touch();
    }

    public void content(String digest) {
        this.contentDigest = digest;
    }

    public void markCreateRequested() {
        this.createRequested = true;
        touch();
    }

    public void omsOrderId(String id) {
        if (id != null && this.omsOrderId == null) {
            this.omsOrderId = id;
            touch();
        }
    }

    public void state(OrderSyncState state, String error) {
        this.syncState = state;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        touch();
    }

    public OrderView view() {
        return new OrderView(integrationId, apiOrderId, omsOrderId, extCode, title, apiStatus, apiUpdatedAt, omsStatus,
                omsUpdatedAt, syncState, lastError, createdAt, updatedAt);
    }
}
