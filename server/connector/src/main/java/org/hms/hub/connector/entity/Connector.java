package org.hms.hub.connector.entity;

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
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.WebhookStyle;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * A registered external system of one tenant. Secrets are held as ids of vault entries; {@link Settings} groups
 * what a client may set, the rest is the connector's state.
 */
@Entity
@Table(name = "con_connector")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = Connector.BY_NAME, query = "SELECT c FROM Connector c WHERE c.name = :name")
@NamedQuery(name = Connector.COUNT_BY_STATUS, query = "SELECT c.status, COUNT(c) FROM Connector c GROUP BY c.status")
@NamedQuery(name = Connector.COUNT_BY_TYPE, query = "SELECT c.type, COUNT(c) FROM Connector c GROUP BY c.type")
@NamedQuery(name = Connector.LAST_SYNC, query = "SELECT MAX(c.lastSyncedAt) FROM Connector c")
public class Connector {

    public static final String BY_NAME = "Connector.byName";
    public static final String COUNT_BY_STATUS = "Connector.countByStatus";
    public static final String COUNT_BY_TYPE = "Connector.countByType";
    public static final String LAST_SYNC = "Connector.lastSync";

    @Id
    @SequenceGenerator(name = "con_connector_seq", sequenceName = "con_connector_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "con_connector_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, length = 120)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "connector_type", nullable = false, length = 32)
    ConnectorType type;

    @Column(length = 120)
    String provider;

    @Column(length = 1000)
    String description;

    @Column(length = 2000)
    String endpoint;

    @Column(name = "local_network", nullable = false)
    boolean localNetwork;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_type", nullable = false, length = 16)
    AuthType authType;

    @Column(name = "api_key_secret_id")
    Long apiKeySecret;

    @Column(name = "api_key_header", length = 100)
    String apiKeyHeader;

    @Column(name = "api_key_query_param", length = 100)
    String apiKeyQueryParam;

    @Column(length = 200)
    String username;

    @Column(name = "password_secret_id")
    Long passwordSecret;

    @Column(name = "token_secret_id")
    Long tokenSecret;

    @Column(name = "client_id", length = 200)
    String clientId;

    @Column(name = "client_secret_id")
    Long clientSecretSecret;

    @Column(name = "token_url", length = 2000)
    String tokenUrl;

    @Column(length = 1000)
    String scopes;

    @Column(nullable = false, length = 8000)
    String headers;

    @Column(name = "timeout_ms", nullable = false)
    int timeoutMs;

    @Column(name = "retry_attempts", nullable = false)
    int retryAttempts;

    @Column(name = "retry_backoff_ms", nullable = false)
    int retryBackoffMs;

    @Column(name = "health_path", length = 500)
    String healthPath;

    @Column(nullable = false, length = 16000)
    String config;

    @Column(name = "webhook_enabled", nullable = false)
    boolean webhookEnabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "webhook_style", length = 16)
    WebhookStyle webhookStyle;

    @Column(name = "webhook_secret_id")
    Long webhookSecret;

    @Column(name = "webhook_prev_secret_id")
    Long webhookPreviousSecret;

    @Column(name = "webhook_rotated_at")
    OffsetDateTime webhookRotatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConnectorStatus status;

    @Column(name = "last_synced_at")
    private OffsetDateTime lastSyncedAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Connector() {
    }

    /** A new connector, inactive until it is switched on or a connection test succeeds. */
    public static Connector create() {
        Connector c = new Connector();
        c.status = ConnectorStatus.INACTIVE;
        c.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.updatedAt = c.createdAt;
        return c;
    }

    public Settings settings() {
        return new Settings(this);
    }

    public long id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public ConnectorStatus status() {
        return status;
    }

    public OffsetDateTime lastSyncedAt() {
        return lastSyncedAt;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public void changeStatus(ConnectorStatus newStatus, String error) {
        this.status = newStatus;
        if (newStatus == ConnectorStatus.ERROR) {
            this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        } else if (newStatus == ConnectorStatus.ACTIVE) {
            this.lastError = null;
        }
        touch();
    }

    public void synced(OffsetDateTime at) {
        this.lastSyncedAt = at;
    }

    public void touch() {
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
