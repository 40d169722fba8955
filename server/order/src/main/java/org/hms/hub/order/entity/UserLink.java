package org.hms.hub.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.order.UserMapping;
import org.hms.hub.platform.tenancy.Tenancy;

/** One HMS-API user and the HMS-OMS user who stands for them, in one integration. */
@Entity
@Table(name = "ord_user_map")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = UserLink.FIND, query = "SELECT u FROM UserLink u WHERE u.integrationId = :integrationId"
        + " AND u.apiUserId = :apiUserId")
@NamedQuery(name = UserLink.ALL, query = "SELECT u FROM UserLink u WHERE u.integrationId = :integrationId"
        + " ORDER BY u.apiUserId")
public class UserLink {

    public static final String FIND = "UserLink.find";
    public static final String ALL = "UserLink.all";

    @Id
    @SequenceGenerator(name = "ord_user_map_seq", sequenceName = "ord_user_map_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ord_user_map_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(name = "integration_id", nullable = false, updatable = false)
    private long integrationId;

    @Column(name = "api_user_id", nullable = false, updatable = false, length = 64)
    private String apiUserId;

    @Column(name = "oms_user_id", nullable = false, length = 64)
    private String omsUserId;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    private String updatedBy;

    protected UserLink() {
    }

    public UserLink(long integrationId, String apiUserId, String omsUserId, String by) {
        this.integrationId = integrationId;
        this.apiUserId = apiUserId;
        set(omsUserId, by);
    }

    public void set(String omsUserId, String by) {
        this.omsUserId = omsUserId;
        this.updatedBy = by;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String omsUserId() { return omsUserId; }

    public UserMapping view() {
        return new UserMapping(apiUserId, omsUserId, updatedAt, updatedBy);
    }
}
