package org.hms.hub.mapping.entity;

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
import org.hms.hub.platform.tenancy.Tenancy;

/** One version of a mapping's definition. Never changed once written. */
@Entity
@Table(name = "map_mapping_version")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = MappingVersion.OF_MAPPING,
        query = "SELECT v FROM MappingVersion v WHERE v.mappingId = :mappingId ORDER BY v.versionNo DESC")
@NamedQuery(name = MappingVersion.ONE,
        query = "SELECT v FROM MappingVersion v WHERE v.mappingId = :mappingId AND v.versionNo = :versionNo")
public class MappingVersion {

    public static final String OF_MAPPING = "MappingVersion.ofMapping";
    public static final String ONE = "MappingVersion.one";

    @Id
    @SequenceGenerator(name = "map_mapping_version_seq", sequenceName = "map_mapping_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "map_mapping_version_seq")
    private Long id;

    @Column(name = "mapping_id", nullable = false, updatable = false)
    private long mappingId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Column(nullable = false, updatable = false, length = 60000)
    private String definition;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected MappingVersion() {
    }

    public MappingVersion(long mappingId, int versionNo, String definition, String createdBy) {
        this.mappingId = mappingId;
        this.versionNo = versionNo;
        this.definition = definition;
        this.createdBy = createdBy;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public int versionNo() {
        return versionNo;
    }

    public String definition() {
        return definition;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
