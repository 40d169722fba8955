package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.platform.messaging.CommitMarkers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: a JPA write and a JMS publish commit or roll back together (XA over the datasource
 * and the Artemis resource adapter), and the audit consumer records each committed event exactly once. A
 * transaction that sends writes its commit token in its database commit and puts it on its messages; old tokens
 * are pruned.
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

    @EJB
    CommitTokenProbe tokens;

    @Inject
    CommitMarkers markers;

    @Inject
    org.hms.hub.platform.tenancy.TenantContext tenant;

    @Test
    void committedChangeKeepsRowAndDeliversEventOnce() throws InterruptedException {
        tenant.set("tenant-probe");
        UUID row = UUID.randomUUID();
        ProbeHappened event = ProbeHappened.now("commit-" + row);

        probe.change(row, event, false);

        assertThat(trail.find(row)).isPresent();
        assertRecordedAsPublished(event);
    }

    @Test
    void committedTransactionsSeveralEventsAreEachRecordedWithTheirOwnCorrelation() throws InterruptedException {
        tenant.set("tenant-probe");
        UUID row = UUID.randomUUID();
        java.util.List<ProbeHappened> published = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> ProbeHappened.now("several-" + i + "-" + row)).toList();

        probe.change(row, published, false);

        for (ProbeHappened event : published) {
            assertRecordedAsPublished(event);
        }
    }

    @Test
    void failedTransactionLeavesNeitherRowNorMessage() throws InterruptedException {
        tenant.set("tenant-probe");
        UUID row = UUID.randomUUID();
        ProbeHappened lost = ProbeHappened.now("rollback-" + row);
        ProbeHappened alsoLost = ProbeHappened.now("rollback-too-" + row);

        assertThatThrownBy(() -> probe.change(row, java.util.List.of(lost, alsoLost), true))
                .isInstanceOf(EJBException.class);

        // A committed event published afterwards reaches the single, ordered audit consumer after the failed
        // one would have: once it is recorded, the failed one had every chance to be.
        UUID controlRow = UUID.randomUUID();
        ProbeHappened control = ProbeHappened.now("control-" + controlRow);
        probe.change(controlRow, control, false);
        awaitRecorded(control.eventId());

        assertThat(trail.find(row)).as("row of the failed transaction").isEmpty();
        assertThat(trail.find(lost.eventId())).as("event of the failed transaction").isEmpty();
        assertThat(trail.find(alsoLost.eventId())).as("its other event").isEmpty();
    }

    @Test
    void committedTransactionWritesItsCommitTokenWithItsRowsAndPutsItOnEveryMessage() throws Exception {
        String queue = "it.commit-tokens." + UUID.randomUUID();
        AtomicReference<String> token = new AtomicReference<>();

        tokens.send(queue, "committed", false, token);

        assertThat(token.get()).matches("\\d{13}[0-9a-f]{16}");
        String[] received = tokens.receive(queue, 5_000);
        assertThat(received).as("the message sent").isNotNull();
        assertThat(received[0]).isEqualTo("committed");
        assertThat(received[1]).as("its commit token").isEqualTo(token.get());
        assertThat(tokens.held(token.get())).as("the token in the database").isTrue();
    }

    @Test
    void rolledBackTransactionLeavesNoCommitToken() throws Exception {
        String queue = "it.commit-tokens." + UUID.randomUUID();
        AtomicReference<String> token = new AtomicReference<>();

        assertThatThrownBy(() -> tokens.send(queue, "rolled back", true, token)).isInstanceOf(EJBException.class);

        assertThat(token.get()).isNotNull();
        assertThat(tokens.held(token.get())).as("the token of a transaction that rolled back").isFalse();
        assertThat(tokens.receive(queue, 500)).as("the message of a transaction that rolled back").isNull();
    }

    @Test
    void forwardedMessageKeepsItsPropertiesAndCarriesTheForwardingTransactionsToken() throws Exception {
        String from = "it.commit-tokens." + UUID.randomUUID();
        String to = "it.commit-tokens." + UUID.randomUUID();
        tokens.sendPlain(from, "not an event", "kept", "0000000000000sender-s-token");
        AtomicReference<String> token = new AtomicReference<>();

        tokens.forwardOne(from, to, token);

        String[] forwarded = tokens.receive(to, 5_000);
        assertThat(forwarded).as("the forwarded message").isNotNull();
        assertThat(forwarded[0]).isEqualTo("not an event");
        assertThat(forwarded[2]).as("its own property").isEqualTo("kept");
        assertThat(forwarded[1]).as("the forwarding transaction's token, not the sender's").isEqualTo(token.get());
        assertThat(tokens.held(token.get())).isTrue();
        assertThat(tokens.receive(from, 500)).as("taken from where it was").isNull();
    }

    @Test
    void prunesCommitTokensOlderThanTenMinutes() throws Exception {
        long now = System.currentTimeMillis();
        String old = String.format("%013d%016x", now - java.time.Duration.ofMinutes(11).toMillis(), 1L);
        String young = String.format("%013d%016x", now - java.time.Duration.ofMinutes(9).toMillis(), 2L);
        tokens.insert(old);
        tokens.insert(young);

        assertThat(markers.prune(java.time.Instant.ofEpochMilli(now).minus(CommitMarkers.KEPT)))
                .isGreaterThanOrEqualTo(1);

        assertThat(tokens.held(old)).isFalse();
        assertThat(tokens.held(young)).isTrue();
    }

    /** The probe event's audit entry: its action, tenant, correlation id (the marker) and details. */
    private void assertRecordedAsPublished(ProbeHappened event) throws InterruptedException {
        awaitRecorded(event.eventId());
        var recorded = trail.find(event.eventId()).orElseThrow();
        assertThat(recorded.action()).isEqualTo("ProbeHappened");
        assertThat(recorded.tenant()).isEqualTo("tenant-probe");
        assertThat(recorded.correlationId()).isEqualTo(event.marker());
        assertThat(recorded.details()).contains(event.marker());
    }

    private void awaitRecorded(UUID eventId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (trail.find(eventId).isEmpty()) {
            assertThat(System.nanoTime()).as("event %s recorded within 30 s", eventId).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
