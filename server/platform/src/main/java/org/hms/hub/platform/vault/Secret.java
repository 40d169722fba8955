package org.hms.hub.platform.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.hms.hub.platform.tenancy.Tenancy;

/** One encrypted secret of a tenant; modules keep its id, never the value. */
@Entity
@Table(name = "hub_secret")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = Secret.NOT_UNDER_KEY,
        query = "SELECT s FROM Secret s WHERE s.keyId <> :keyId AND s.id > :afterId ORDER BY s.id")
public class Secret {

    static final String NOT_UNDER_KEY = "Secret.notUnderKey";

    @Id
    @SequenceGenerator(name = "hub_secret_seq", sequenceName = "hub_secret_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hub_secret_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 100)
    private String purpose;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Column(nullable = false, length = 8000)
    private String ciphertext;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Secret() {
    }

    Secret(String purpose, String keyId, String ciphertext) {
        this.purpose = purpose;
        this.keyId = keyId;
        this.ciphertext = ciphertext;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    long id() {
        return id;
    }

    String purpose() {
        return purpose;
    }

    String keyId() {
        return keyId;
    }

    String ciphertext() {
        return ciphertext;
    }

    void replace(String newKeyId, String newCiphertext) {
        this.keyId = newKeyId;
        this.ciphertext = newCiphertext;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
