package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.sync.SyncJobState;
import org.hms.hub.model.sync.SyncMode;
import org.hms.hub.platform.tenancy.Tenancy;

/** A manual sync of one connector and its counts. */
@Entity
@Table(name = "con_sync_job")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = SyncJob.ACTIVE_FOR, query = "SELECT j FROM SyncJob j WHERE j.connectorId = :connectorId"
        + " AND j.mode = :mode AND j.state IN (org.hms.hub.model.sync.SyncJobState.QUEUED,"
        + " org.hms.hub.model.sync.SyncJobState.RUNNING)")
@NamedQuery(name = SyncJob.RECENT_FOR, query = "SELECT j FROM SyncJob j WHERE j.connectorId = :connectorId"
        + " ORDER BY j.createdAt DESC")
public class SyncJob {

    public static final String ACTIVE_FOR = "SyncJob.activeFor";
    public static final String RECENT_FOR = "SyncJob.recentFor";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(name = "connector_id", nullable = false, updatable = false)
    private long connectorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private SyncMode mode;

    @Column(updatable = false)
    private OffsetDateTime since;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SyncJobState state;

    @Column(name = "items_read", nullable = false)
    private long read;

    @Column(name = "items_enqueued", nullable = false)
    private long enqueued;

    @Column(name = "items_skipped", nullable = false)
    private long skipped;

    @Column(name = "items_total")
    private Long total;

    @Column(length = 1000)
    private String error;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "heartbeat_at")
    private OffsetDateTime heartbeatAt;

    @Version
    private long version;

    protected SyncJob() {
    }

    public SyncJob(long connectorId, SyncMode mode, OffsetDateTime since, String createdBy) {
        this.id = java.util.UUID.randomUUID().toString();
        this.connectorId = connectorId;
        this.mode = mode;
        this.since = since;
        this.createdBy = createdBy;
        this.state = SyncJobState.QUEUED;
        this.createdAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String id() { return id; }
    public String tenant() { return tenant; }
    public long connectorId() { return connectorId; }
    public SyncMode mode() { return mode; }
    public OffsetDateTime since() { return since; }
    public SyncJobState state() { return state; }
    public long read() { return read; }
    public long enqueued() { return enqueued; }
    public long skipped() { return skipped; }
    public Long total() { return total; }
    public String error() { return error; }
    public boolean cancelRequested() { return cancelRequested; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime startedAt() { return startedAt; }
    public OffsetDateTime finishedAt() { return finishedAt; }
    public OffsetDateTime heartbeatAt() { return heartbeatAt; }

    public void start() {
        this.state = SyncJobState.RUNNING;
        this.startedAt = now();
        this.heartbeatAt = startedAt;
    }

    public void progress(long read, long enqueued, long skipped, Long total) {
        this.read += read;
        this.enqueued += enqueued;
        this.skipped += skipped;
        if (total != null) {
            this.total = total;
        }
        this.heartbeatAt = now();
    }

    public void requestCancel() {
        this.cancelRequested = true;
        if (state == SyncJobState.QUEUED) {
            finish(SyncJobState.CANCELLED, null);
        }
    }

    public void finish(SyncJobState state, String error) {
        this.state = state;
        this.error = error == null ? null : error.substring(0, Math.min(1000, error.length()));
        this.finishedAt = now();
    }
}
