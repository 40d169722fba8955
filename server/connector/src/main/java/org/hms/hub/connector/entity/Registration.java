package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.sync.SyncStatus;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * The hub's registration with one connector's system: whether its OAuth token could be fetched, and the
 * subscription the hub made there — its state, the system's id for it, and the endpoint and declaration it was
 * made with (so that it can be removed after either changed). {@code fingerprint} is what the registration was
 * last worked out for; a connector whose settings no longer match is worked out again. {@code nextAt} is when
 * the registrar looks at it next ({@code null}: settled).
 */
@Entity
@Table(name = "con_registration")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
public class Registration {

    public enum Sub { PENDING, REQUESTED, ACTIVE, ERROR, OFF }

    @Id
    @Column(name = "connector_id")
    private long connectorId;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "auth_state", length = 16)
    private String authState;

    @Column(name = "auth_reason", length = 1000)
    private String authReason;

    @Column(name = "sub_state", length = 16)
    private String subState;

    @Column(name = "sub_id", length = 500)
    private String subId;

    @Column(name = "sub_reason", length = 1000)
    private String subReason;

    @Column(name = "sub_endpoint", length = 2000)
    private String subEndpoint;

    @Column(name = "sub_config", length = 4000)
    private String subConfig;

    @Column(name = "sub_key", length = 64)
    private String subKey;

    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;

    @Column(name = "checked_at")
    private OffsetDateTime checkedAt;

    @Column(name = "next_at")
    private OffsetDateTime nextAt;

    protected Registration() {
    }

    public Registration(long connectorId) {
        this.connectorId = connectorId;
        this.fingerprint = "";
    }

    public long connectorId() { return connectorId; }
    public String fingerprint() { return fingerprint; }
    public String authState() { return authState; }
    public Sub sub() { return subState == null ? null : Sub.valueOf(subState); }
    public String subId() { return subId; }
    public String subEndpoint() { return subEndpoint; }
    public String subConfig() { return subConfig; }
    public String subKey() { return subKey; }
    public OffsetDateTime requestedAt() { return requestedAt; }
    public OffsetDateTime nextAt() { return nextAt; }

    public void fingerprint(String value) {
        this.fingerprint = value;
    }

    public void auth(String state, String reason) {
        this.authState = state;
        this.authReason = cut(reason);
    }

    /** The subscription's state; the id, endpoint and declaration it was made with stay until it is removed. */
    public void sub(Sub state, String reason) {
        this.subState = state == null ? null : state.name();
        this.subReason = cut(reason);
    }

    /** A subscription made with this endpoint and declaration; {@code key} digests everything it was made from. */
    public void made(String id, String endpoint, String config, String key, OffsetDateTime at) {
        this.subId = id;
        this.subEndpoint = endpoint;
        this.subConfig = config;
        this.subKey = key;
        this.requestedAt = at;
    }

    public void removed() {
        made(null, null, null, null, null);
    }

    public void checked(OffsetDateTime at, OffsetDateTime next) {
        this.checkedAt = at;
        this.nextAt = next;
    }

    public SyncStatus.Registration view() {
        return new SyncStatus.Registration(authState, authReason, subState, subId, subReason, checkedAt);
    }

    private static String cut(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 1000));
    }
}
