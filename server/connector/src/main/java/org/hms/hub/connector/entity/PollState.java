package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * Where a polled connector's next poll starts (the watermark, or a cursor), and the lease of the hub instance
 * polling it now. The lease is claimed and the watermark advanced with conditional updates (see {@code Polling}).
 */
@Entity
@Table(name = "con_poll_state")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
public class PollState {

    @Id
    @Column(name = "connector_id")
    private long connectorId;

    @Column(length = 200)
    private String watermark;

    @Column(name = "poll_cursor", length = 2000)
    private String cursor;

    @Column(name = "lease_owner", length = 100)
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "next_poll_at")
    private OffsetDateTime nextPollAt;

    @Column(name = "last_poll_at")
    private OffsetDateTime lastPollAt;

    @Column(name = "last_success_at")
    private OffsetDateTime lastSuccessAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "items_pulled", nullable = false)
    private long itemsPulled;

    protected PollState() {
    }

    public long connectorId() { return connectorId; }
    public String watermark() { return watermark; }
    public String cursor() { return cursor; }
    public String leaseOwner() { return leaseOwner; }
    public OffsetDateTime leaseUntil() { return leaseUntil; }
    public OffsetDateTime nextPollAt() { return nextPollAt; }
    public OffsetDateTime lastPollAt() { return lastPollAt; }
    public OffsetDateTime lastSuccessAt() { return lastSuccessAt; }
    public String lastError() { return lastError; }
    public long itemsPulled() { return itemsPulled; }
}
