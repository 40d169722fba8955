package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.delivery.DeliveryStore;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.connector.control.polling.Page;
import org.hms.hub.connector.control.polling.PageIntake;
import org.hms.hub.connector.control.polling.PollConfig;
import org.hms.hub.connector.control.polling.Pulls;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.connector.entity.SyncJob;
import org.hms.hub.model.sync.SyncMode;
import org.hms.hub.platform.tenancy.TenantContext;

/** Runs a sync job on a managed thread, page by page, checking for a cancel between pages. */
@ApplicationScoped
public class SyncJobRunner {

    private static final Logger LOG = Logger.getLogger(SyncJobRunner.class.getName());

    @Inject
    SyncJobs jobs;

    @Inject
    TenantContext tenant;

    @Inject
    ConnectorRegistry registry;

    @Inject
    Pulls pulls;

    @Inject
    PageIntake intake;

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeliveryStore deliveries;


    @ActivateRequestContext
    public void run(String tenantId, String jobId) {
        tenant.set(tenantId);
        SyncJob job = jobs.begin(jobId);
        if (job == null) {
            return;
        }
        try {
            if (job.mode() == SyncMode.FULL) {
                full(job);
            } else {
                resendMissed(job);
            }
            jobs.end(jobId, null);
        } catch (Pulls.PullException | RuntimeException e) {
            LOG.log(Level.WARNING, "Sync job " + jobId + " failed", e);
            jobs.end(jobId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void full(SyncJob job) throws Pulls.PullException {
        ResolvedConnector c = registry.resolve(job.connectorId());
        Map<String, Object> settings = registry.config(job.connectorId());
        PollConfig config = PollConfig.of(c.type(), settings);
        InboundShape shape = InboundShape.of(settings);
        String since = job.since() == null ? null : job.since().toInstant().toString();
        if (config.fhir()) {
            for (String type : config.resourceTypes()) {
                Page page = pulls.fhirFirst(c, config, type, since);
                while (true) {
                    if (!take(job, page) || page.next() == null) {
                        if (page.next() != null) {
                            return; // cancelled
                        }
                        break;
                    }
                    page = pulls.fhirNext(c, page.next());
                }
            }
        } else {
            String cursor = null;
            while (true) {
                Page page = pulls.rest(c, config, since, cursor);
                if (!take(job, page) || page.next() == null || page.items().isEmpty() || config.cursorParam() == null) {
                    return;
                }
                cursor = page.next();
            }
        }
    }

    private boolean take(SyncJob job, Page page) {
        PageIntake.Counts counts = intake.accept(job.connectorId(), page, shapeOf(job), InboundReceipt.Source.SYNC,
                job.id(), () -> true);
        return jobs.progress(job.id(), page.items().size(), counts.enqueued(), counts.skipped(), page.total());
    }

    private InboundShape shapeOf(SyncJob job) {
        return InboundShape.of(registry.config(job.connectorId()));
    }

    private void resendMissed(SyncJob job) {
        int replayed = deadLetters.replayForJob(job.connectorId(), job.since(), job.id());
        int kicked = deliveries.kick(job.connectorId(), job.since(), job.id());
        jobs.progress(job.id(), replayed + kicked, replayed + kicked, 0, (long) (replayed + kicked));
    }

}
