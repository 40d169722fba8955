package org.hms.hub.connector.control.polling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.platform.tenancy.TenantContext;

/** Runs one claimed poll on a managed thread, in a request context of its own (for the tenant). */
@ApplicationScoped
public class PollRunner {

    private static final Logger LOG = Logger.getLogger(PollRunner.class.getName());

    @Inject
    Poller poller;

    @Inject
    PollLeases leases;

    @Inject
    TenantContext tenant;

    @ActivateRequestContext
    public void run(String tenantId, long connectorId, String owner) {
        tenant.set(tenantId);
        try {
            int pulled = poller.poll(connectorId, owner);
            if (pulled > 0) {
                LOG.fine(() -> "Poll of connector " + connectorId + " enqueued " + pulled + " items");
            }
        } catch (Poller.PollFailed e) {
            leases.failed(connectorId, e.getMessage(), e.pulled());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Poll of connector " + connectorId + " broke off; its lease expires and the next "
                    + "poll starts from the last enqueued page", e);
        }
    }
}
