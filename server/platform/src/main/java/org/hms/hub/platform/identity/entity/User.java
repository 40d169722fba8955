package org.hms.hub.platform.identity.entity;

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
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.identity.UserView;
import org.hms.hub.platform.tenancy.Tenancy;

/** A person or service account that logs in to the hub; belongs to one tenant. */
@Entity
@Table(name = "hub_user")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.username")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.COUNT_ADMINS, query = "SELECT COUNT(u) FROM User u WHERE u.enabled = TRUE AND u.roles LIKE :role")
public class User {

    public static final String ALL = "User.all";
    public static final String BY_USERNAME = "User.byUsername";
    public static final String COUNT_ADMINS = "User.countAdmins";

    @Id
    @SequenceGenerator(name = "hub_user_seq", sequenceName = "hub_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hub_user_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, updatable = false, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @Column(nullable = false, length = 200)
    private String roles;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String passwordHash, Set<String> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", new TreeSet<>(roles));
        this.enabled = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<String> roles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(",")));
    }

    public boolean enabled() {
        return enabled;
    }

    public long version() {
        return version;
    }

    public void changePassword(String hash) {
        this.passwordHash = hash;
        touch();
    }

    public void changeRoles(Set<String> newRoles) {
        this.roles = String.join(",", new TreeSet<>(newRoles));
        touch();
    }

    public void enable(boolean on) {
        this.enabled = on;
        touch();
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UserView view(String tenantId) {
        return new UserView(id, tenant != null ? tenant : tenantId, username, roles(), enabled, createdAt, updatedAt,
                version);
    }
}
