package org.hms.hub.connector.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.polling.PollConfig;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Delivery;
import org.hms.hub.connector.entity.SyncJob;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.model.sync.DeliveryState;
import org.hms.hub.model.sync.SyncJobState;
import org.hms.hub.model.sync.SyncJobView;
import org.hms.hub.model.sync.SyncMode;
import org.hms.hub.model.sync.SyncRequest;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.transaction.AfterCompletion;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Manual syncs: {@code FULL} pulls the connector's source again (its polling settings say how), {@code
 * RESEND_MISSED} replays what did not reach the connector. Asking again while a job of the same mode runs
 * returns that job; both modes are idempotent (pulled items already received are skipped; replays reuse the
 * deliveries' idempotency keys). Jobs run on a managed thread and can be cancelled.
 */
@ApplicationScoped
public class SyncJobs {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    EventPublisher events;

    @Inject
    CurrentCaller caller;

    @Inject
    ConnectorRegistry registry;

    @Inject
    SyncJobRunner runner;

    @Resource
    ManagedExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A job and whether this call created it (false: one of the same mode was running already). */
    public record Started(SyncJobView job, boolean created) {
    }

    @Transactional
    public Started start(long connectorId, SyncRequest request) {
        if (request == null || request.mode() == null) {
            new InvalidFields().add("mode", "FULL or RESEND_MISSED.").throwIfAny();
        }
        Connector connector = registry.find(connectorId);
        if (request.mode() == SyncMode.FULL) {
            PollConfig config;
            try {
                config = PollConfig.of(connector.settings().type(), ConnectorViews.config(connector.settings()));
            } catch (IllegalArgumentException e) {
                config = null;
            }
            if (config == null) {
                new InvalidFields().add("mode", "A FULL sync pulls the connector's source, and this connector has no "
                        + "usable polling settings (config.polling). Use RESEND_MISSED to send it what it missed.")
                        .throwIfAny();
            }
        }
        List<SyncJob> running = tenancy.bind(em).createNamedQuery(SyncJob.ACTIVE_FOR, SyncJob.class)
                .setParameter("connectorId", connectorId).setParameter("mode", request.mode()).getResultList();
        if (!running.isEmpty()) {
            return new Started(view(running.get(0)), false);
        }
        SyncJob job = new SyncJob(connectorId, request.mode(), request.since(), caller.actor());
        em.persist(job);
        em.flush();
        publish("SyncJobStarted", job, "success", null);
        String tenantId = tenant.current();
        String jobId = job.id();
        AfterCompletion.onCommit(transactions, () -> executor.submit(() -> runner.run(tenantId, jobId)));
        return new Started(view(job), true);
    }

    @Transactional
    public SyncJobView get(String id) {
        return view(find(id));
    }

    @Transactional
    public List<SyncJobView> recent(long connectorId) {
        registry.find(connectorId);
        return em.createNamedQuery(SyncJob.RECENT_FOR, SyncJob.class).setParameter("connectorId", connectorId)
                .setMaxResults(20).getResultList().stream().map(this::view).toList();
    }

    @Transactional
    public SyncJobView cancel(String id) {
        SyncJob job = find(id);
        if (job.state().isFinal()) {
            throw new ProblemException(409, "Job finished", "Sync job " + id + " has finished already ("
                    + job.state() + ").");
        }
        boolean wasQueued = job.state() == SyncJobState.QUEUED;
        job.requestCancel();
        if (wasQueued) {
            publish("SyncJobCancelled", job, "success", null);
        }
        return view(job);
    }

    // -- used by the runner ------------------------------------------------------------------------------------

    /** Marks the job running; false when it is not queued any more (cancelled meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncJob begin(String id) {
        SyncJob job = tenancy.bind(em).find(SyncJob.class, id);
        if (job == null || job.state() != SyncJobState.QUEUED) {
            return null;
        }
        job.start();
        return job;
    }

    /** Adds a page's counts; answers whether the job should go on (false when a cancel was asked for). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean progress(String id, long read, long enqueued, long skipped, Long total) {
        SyncJob job = tenancy.bind(em).find(SyncJob.class, id);
        job.progress(read, enqueued, skipped, total);
        return !job.cancelRequested();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void end(String id, String error) {
        SyncJob job = tenancy.bind(em).find(SyncJob.class, id);
        SyncJobState state = error != null ? SyncJobState.FAILED
                : job.cancelRequested() ? SyncJobState.CANCELLED : SyncJobState.SUCCEEDED;
        job.finish(state, error);
        publish(state == SyncJobState.CANCELLED ? "SyncJobCancelled" : "SyncJobFinished", job,
                error == null ? "success" : "failure", error);
    }

    private SyncJob find(String id) {
        SyncJob job = tenancy.bind(em).find(SyncJob.class, id);
        if (job == null) {
            throw new ProblemException(404, "No such sync job", "There is no sync job " + id + ".");
        }
        return job;
    }

    private void publish(String action, SyncJob job, String outcome, String reason) {
        events.publish(SyncEvent.of(tenant.current(), action, caller.actor(), job.connectorId(), "SyncJob", job.id(),
                outcome, reason, Map.of("mode", job.mode().name(), "read", Long.toString(job.read()),
                        "enqueued", Long.toString(job.enqueued()), "skipped", Long.toString(job.skipped()))));
    }

    SyncJobView view(SyncJob job) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (Object[] row : em.createNamedQuery(Delivery.COUNT_FOR_JOB, Object[].class).setParameter("job", job.id())
                .getResultList()) {
            counts.put((DeliveryState) row[0], (Long) row[1]);
        }
        long pending = Delivery.UNFINISHED.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
        Integer progress = job.state().isFinal() ? Integer.valueOf(100)
                : job.total() != null && job.total() > 0
                ? Integer.valueOf((int) Math.min(99, job.read() * 100 / job.total())) : null;
        return new SyncJobView(java.util.UUID.fromString(job.id()), job.connectorId(), job.mode(), job.since(),
                job.state(), job.read(), job.enqueued(), job.skipped(), counts.getOrDefault(DeliveryState.DELIVERED, 0L),
                counts.getOrDefault(DeliveryState.DEAD, 0L), pending, job.total(), progress, job.error(),
                job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
