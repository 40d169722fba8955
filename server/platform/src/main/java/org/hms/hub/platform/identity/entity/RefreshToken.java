package org.hms.hub.platform.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.platform.tenancy.Tenancy;

/** A refresh token, known only by its SHA-256; used once, then replaced. */
@Entity
@Table(name = "hub_refresh_token")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = RefreshToken.REVOKE_FOR_USER,
        query = "UPDATE RefreshToken t SET t.used = TRUE WHERE t.userId = :userId")
public class RefreshToken {

    public static final String REVOKE_FOR_USER = "RefreshToken.revokeForUser";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(nullable = false)
    private boolean used;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, long userId, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.expiresAt = expiresAt;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long userId() {
        return userId;
    }

    /** Marks the token used; false when it was used already or has expired. */
    public boolean redeem() {
        if (used || expiresAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC))) {
            return false;
        }
        used = true;
        return true;
    }
}
