package org.hms.hub.order.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.platform.tenancy.Tenancy;

/** One reconciliation run and its report (JSON of {@code ReconcileReport}). */
@Entity
@Table(name = "ord_reconcile_run")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = ReconcileRun.RECENT, query = "SELECT r FROM ReconcileRun r WHERE r.integrationId = :integrationId"
        + " ORDER BY r.id DESC")
public class ReconcileRun {

    public static final String RECENT = "ReconcileRun.recent";

    @Id
    @SequenceGenerator(name = "ord_reconcile_run_seq", sequenceName = "ord_reconcile_run_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ord_reconcile_run_seq")
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenant;

    @Column(name = "integration_id", nullable = false)
    private long integrationId;

    @Column(name = "window_from", nullable = false)
    private OffsetDateTime from;

    @Column(name = "window_to", nullable = false)
    private OffsetDateTime to;

    @Column(nullable = false)
    private boolean repair;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at", nullable = false)
    private OffsetDateTime finishedAt;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(nullable = false)
    private String report;

    protected ReconcileRun() {
    }

    public ReconcileRun(long integrationId, OffsetDateTime from, OffsetDateTime to, boolean repair,
                        OffsetDateTime startedAt, String actor) {
        this.integrationId = integrationId;
        this.from = from;
        this.to = to;
        this.repair = repair;
        this.startedAt = startedAt;
        this.finishedAt = startedAt;
        this.actor = actor;
        this.report = "{}";
    }

    public long id() { return id; }
    public String report() { return report; }

    public void finished(OffsetDateTime at, String report) {
        this.finishedAt = at;
        this.report = report;
    }
}
