package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.audit.control.AuditTrail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: a JPA write and a JMS publish commit or roll back together (XA over the datasource
 * and the Artemis resource adapter), and the audit consumer records each committed event exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class EventTransactionIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(EventTransactionIT.class);
    }

    @EJB
    TransactionProbe probe;

    @Inject
    AuditTrail trail;

    @Inject
    org.hms.hub.platform.tenancy.TenantContext tenant;

    @Test
    void committedChangeKeepsRowAndDeliversEventOnce() throws InterruptedException {
        tenant.set("tenant-probe");
        UUID row = UUID.randomUUID();
        ProbeHappened event = ProbeHappened.now("commit-" + row);

        probe.change(row, event, false);

        assertThat(trail.find(row)).isPresent();
        awaitRecorded(event.eventId());
        var recorded = trail.find(event.eventId()).orElseThrow();
        assertThat(recorded.action()).isEqualTo("ProbeHappened");
        assertThat(recorded.tenant()).isEqualTo("tenant-probe");
        assertThat(recorded.correlationId()).isEqualTo(event.marker());
        assertThat(recorded.details()).contains(event.marker());
    }

    @Test
    void failedTransactionLeavesNeitherRowNorMessage() throws InterruptedException {
        tenant.set("tenant-probe");
        UUID row = UUID.randomUUID();
        ProbeHappened lost = ProbeHappened.now("rollback-" + row);

        assertThatThrownBy(() -> probe.change(row, lost, true)).isInstanceOf(EJBException.class);

        // A committed event published afterwards reaches the single, ordered audit consumer after the failed
        // one would have: once it is recorded, the failed one had every chance to be.
        UUID controlRow = UUID.randomUUID();
        ProbeHappened control = ProbeHappened.now("control-" + controlRow);
        probe.change(controlRow, control, false);
        awaitRecorded(control.eventId());

        assertThat(trail.find(row)).as("row of the failed transaction").isEmpty();
        assertThat(trail.find(lost.eventId())).as("event of the failed transaction").isEmpty();
    }

    private void awaitRecorded(UUID eventId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (trail.find(eventId).isEmpty()) {
            assertThat(System.nanoTime()).as("event %s recorded within 30 s", eventId).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
