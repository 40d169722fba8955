package org.hms.hub.platform.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hms.hub.model.identity.TenantView;

/** A tenant. The registry of tenants itself is the platform administrators' and is not tenant-scoped. */
@Entity
@Table(name = "hub_tenant")
@NamedQuery(name = Tenant.ALL, query = "SELECT t FROM Tenant t ORDER BY t.id")
public class Tenant {

    public static final String ALL = "Tenant.all";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String id, String name) {
        this.id = id;
        this.name = name;
        this.active = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public boolean active() {
        return active;
    }

    public TenantView view() {
        return new TenantView(id, name, active, createdAt);
    }
}
