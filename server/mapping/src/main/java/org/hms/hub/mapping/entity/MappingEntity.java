package org.hms.hub.mapping.entity;

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
import org.hms.hub.model.mapping.MappingDirection;
import org.hms.hub.model.mapping.MappingFormat;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.platform.tenancy.Tenancy;

/** A mapping of a tenant: what it maps, and which version of its definition is active. */
@Entity
@Table(name = "map_mapping")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = MappingEntity.ALL, query = "SELECT m FROM MappingEntity m ORDER BY m.name")
@NamedQuery(name = MappingEntity.BY_NAME, query = "SELECT m FROM MappingEntity m WHERE m.name = :name")
public class MappingEntity {

    public static final String ALL = "MappingEntity.all";
    public static final String BY_NAME = "MappingEntity.byName";

    @Id
    @SequenceGenerator(name = "map_mapping_seq", sequenceName = "map_mapping_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "map_mapping_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "connector_id")
    private Long connectorId;

    @Column(name = "resource_type", nullable = false, length = 64)
    private String resourceType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MappingDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_format", nullable = false, length = 16)
    private MappingFormat sourceFormat;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_format", nullable = false, length = 16)
    private MappingFormat targetFormat;

    @Column(name = "active_version", nullable = false)
    private int activeVersion;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected MappingEntity() {
    }

    public MappingEntity(String name, Long connectorId, String resourceType, MappingDirection direction,
                         MappingFormat sourceFormat, MappingFormat targetFormat) {
        this.name = name;
        this.connectorId = connectorId;
        this.resourceType = resourceType;
        this.direction = direction;
        this.sourceFormat = sourceFormat;
        this.targetFormat = targetFormat;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public MappingFormat sourceFormat() {
        return sourceFormat;
    }

    public MappingFormat targetFormat() {
        return targetFormat;
    }

    public int activeVersion() {
        return activeVersion;
    }

    /** Adds the next version number; the caller stores its definition. */
    public int nextVersion(boolean activate) {
        latestVersion++;
        if (activate) {
            activeVersion = latestVersion;
        }
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return latestVersion;
    }

    /** Makes an existing version the active one. */
    public boolean activate(int versionNo) {
        if (versionNo < 1 || versionNo > latestVersion) {
            return false;
        }
        activeVersion = versionNo;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    public MappingView view(String tenantId) {
        return new MappingView(id, tenant != null ? tenant : tenantId, name, connectorId, resourceType, direction,
                sourceFormat, targetFormat, activeVersion, latestVersion, createdAt, updatedAt);
    }
}
