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
import org.hms.hub.model.order.IntegrationState;
import org.hms.hub.model.order.OrderIntegrationView;
import org.hms.hub.platform.tenancy.Tenancy;

/** An order integration: the HMS-API connector and the HMS-OMS connector it keeps in step, and its kill switch. */
@Entity
@Table(name = "ord_integration")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = OrderIntegration.ALL, query = "SELECT i FROM OrderIntegration i ORDER BY i.name")
@NamedQuery(name = OrderIntegration.BY_CONNECTOR, query = "SELECT i FROM OrderIntegration i WHERE"
        + " i.apiConnectorId = :connectorId OR i.omsConnectorId = :connectorId")
public class OrderIntegration {

    public static final String ALL = "OrderIntegration.all";
    public static final String BY_CONNECTOR = "OrderIntegration.byConnector";

    @Id
    @SequenceGenerator(name = "ord_integration_seq", sequenceName = "ord_integration_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ord_integration_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "api_connector_id", nullable = false)
    private long apiConnectorId;

    @Column(name = "oms_connector_id", nullable = false)
    private long omsConnectorId;

    @Column(name = "api_to_oms_mapping_id")
    private Long apiToOmsMappingId;

    @Column(name = "oms_to_api_mapping_id")
    private Long omsToApiMappingId;

    @Column(name = "reconcile_hours", nullable = false)
    private int reconcileHours;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private IntegrationState state;

    @Column(name = "state_reason", length = 500)
    private String stateReason;

    @Column(name = "state_changed_at")
    private OffsetDateTime stateChangedAt;

    @Column(name = "last_reconciled_at")
    private OffsetDateTime lastReconciledAt;

    @Column(name = "reconcile_lease_until")
    private OffsetDateTime reconcileLeaseUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected OrderIntegration() {
    }

    public OrderIntegration(String name, long apiConnectorId, long omsConnectorId, Long apiToOmsMappingId,
                            Long omsToApiMappingId, int reconcileHours) {
        change(name, apiConnectorId, omsConnectorId, apiToOmsMappingId, omsToApiMappingId, reconcileHours);
        this.state = IntegrationState.ACTIVE;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
        this.stateChangedAt = createdAt;
    }

    public void change(String name, long apiConnectorId, long omsConnectorId, Long apiToOmsMappingId,
                       Long omsToApiMappingId, int reconcileHours) {
        this.name = name;
        this.apiConnectorId = apiConnectorId;
        this.omsConnectorId = omsConnectorId;
        this.apiToOmsMappingId = apiToOmsMappingId;
        this.omsToApiMappingId = omsToApiMappingId;
        this.reconcileHours = reconcileHours;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void state(IntegrationState state, String reason) {
        this.state = state;
        this.stateReason = reason;
        this.stateChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = stateChangedAt;
    }

    public void reconciled(OffsetDateTime at) {
        this.lastReconciledAt = at;
    }

    public long id() { return id; }
    public String tenant() { return tenant; }
    public String name() { return name; }
    public long apiConnectorId() { return apiConnectorId; }
    public long omsConnectorId() { return omsConnectorId; }
    public Long apiToOmsMappingId() { return apiToOmsMappingId; }
    public Long omsToApiMappingId() { return omsToApiMappingId; }
    public int reconcileHours() { return reconcileHours; }
    public IntegrationState state() { return state; }
    public OffsetDateTime lastReconciledAt() { return lastReconciledAt; }
    public long version() { return version; }

    /** The key order sync holds its deliveries under while the integration is not ACTIVE. */
    public String holdKey() {
        return "order-integration:" + id;
    }

    public OrderIntegrationView view() {
        return new OrderIntegrationView(id, name, apiConnectorId, omsConnectorId, apiToOmsMappingId, omsToApiMappingId,
                reconcileHours, state, stateReason, stateChangedAt, lastReconciledAt, createdAt, version);
    }
}
