package org.hms.hub.platform.identity.entity;

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

/**
 * An API key of a service account: {@code hk_<keyId>_<secret>}. The key id finds it; only the SHA-256 of the
 * secret is kept, so the key is shown once, when it is issued.
 */
@Entity
@Table(name = "hub_api_key")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = ApiKey.OF_USER, query = "SELECT k FROM ApiKey k WHERE k.userId = :userId ORDER BY k.id")
@NamedQuery(name = ApiKey.BY_KEY_ID, query = "SELECT k FROM ApiKey k WHERE k.keyId = :keyId")
public class ApiKey {

    public static final String OF_USER = "ApiKey.ofUser";
    public static final String BY_KEY_ID = "ApiKey.byKeyId";

    @Id
    @SequenceGenerator(name = "hub_api_key_seq", sequenceName = "hub_api_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hub_api_key_seq")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "key_id", nullable = false, updatable = false, length = 32)
    private String keyId;

    @Column(name = "secret_sha256", nullable = false, updatable = false, length = 64)
    private String secretSha256;

    @Column(nullable = false, updatable = false, length = 120)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
    }

    public ApiKey(long userId, String keyId, String secretSha256, String name, String createdBy) {
        this.userId = userId;
        this.keyId = keyId;
        this.secretSha256 = secretSha256;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long id() { return id; }
    public long userId() { return userId; }
    public String keyId() { return keyId; }
    public String secretSha256() { return secretSha256; }
    public String name() { return name; }
    public OffsetDateTime createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime lastUsedAt() { return lastUsedAt; }
    public OffsetDateTime revokedAt() { return revokedAt; }

    public boolean revoked() {
        return revokedAt != null;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }
}
