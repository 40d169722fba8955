package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.order.control.StaleOperations;
import org.hms.hub.platform.tenancy.TenantContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub, what the hub does about a message lost with a commit a crash split: an order operation
 * whose result message was lost is settled from the sync engine's record of the call once it is old enough (one
 * whose call is still under way is left alone); an item whose receipt was recorded but whose message was lost is
 * queued again when its sender sends it again, and by the inbound sweeper from the payload its receipt keeps when
 * nobody sends it again.
 */
@ExtendWith(ArquillianExtension.class)
class LostMessageRecoveryIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(LostMessageRecoveryIT.class);
    }

    @EJB
    RecoveryProbe probe;

    @Inject
    org.hms.hub.connector.control.inbound.Inbound inbound;

    @Inject
    StaleOperations stale;

    @Inject
    org.hms.hub.order.control.OrderSync sync;

    @Inject
    org.hms.hub.platform.sync.Outbox outbox;

    @Inject
    TenantContext tenant;

    @Test
    void settlesAnOperationWhoseCallEndedButWhoseResultMessageWasLost() throws Exception {
        String t = "settle-" + UUID.randomUUID().toString().substring(0, 8);
        long base = 900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        probe.pendingOperation(t, base, base + 1, base + 2, "DELIVERED", old);
        probe.pendingOperation(t, base + 3, base + 4, base + 5, "QUEUED", old);
        OffsetDateTime young = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        probe.pendingOperation(t, base + 6, base + 7, base + 8, "DELIVERED", young);

        tenant.set(t);
        int settled = stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), 100);

        assertThat(settled).isEqualTo(1);
        assertThat(probe.state(base + 1)).as("ended call, result lost").isEqualTo("DONE/SYNCED/oms-" + base);
        assertThat(probe.state(base + 4)).as("call still queued").isEqualTo("PENDING/PENDING/null");
        assertThat(probe.state(base + 7)).as("result may still come").isEqualTo("PENDING/PENDING/null");
        assertThat(stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), 100)).isZero();
    }

    @Test
    void aResultMessageThatComesAfterTheOperationWasSettledChangesNothing() throws Exception {
        String t = "late-" + UUID.randomUUID().toString().substring(0, 8);
        long base = 920_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;
        probe.pendingOperation(t, base, base + 1, base + 2, "DELIVERED",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3));
        tenant.set(t);
        assertThat(stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), 100)).isEqualTo(1);

        java.util.Map<String, String> late = outbox.outcome(base + 2);

        assertThat(late).as("the delivery's record").containsEntry(
                org.hms.hub.platform.sync.OutboundResult.REFERENCE, "op:" + (base + 1));
        assertThat(sync.result(late)).as("the late message changed something").isFalse();
        assertThat(probe.state(base + 1)).isEqualTo("DONE/SYNCED/oms-" + base);
    }

    @Test
    void aFailureReportedTwiceIsRecordedOnce() throws Exception {
        String t = "fail-" + UUID.randomUUID().toString().substring(0, 8);
        long base = 930_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;
        probe.pendingOperation(t, base, base + 1, base + 2, "QUEUED",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3));
        tenant.set(t);
        java.util.Map<String, String> dead = new java.util.HashMap<>();
        dead.put(org.hms.hub.platform.sync.OutboundResult.DELIVERY_ID, Long.toString(base + 2));
        dead.put(org.hms.hub.platform.sync.OutboundResult.REFERENCE, "op:" + (base + 1));
        dead.put(org.hms.hub.platform.sync.OutboundResult.OUTCOME, org.hms.hub.platform.sync.OutboundResult.DEAD);
        dead.put(org.hms.hub.platform.sync.OutboundResult.HTTP_STATUS, "422");
        dead.put(org.hms.hub.platform.sync.OutboundResult.ERROR, "HTTP 422: title missing");
        dead.put(org.hms.hub.platform.sync.OutboundResult.DEAD_LETTER_ID, "77");

        assertThat(sync.result(dead)).as("first word of the failure").isTrue();
        assertThat(sync.result(dead)).as("the same word again").isFalse();
        dead.put(org.hms.hub.platform.sync.OutboundResult.DEAD_LETTER_ID, "78");
        assertThat(sync.result(dead)).as("a later failure (after a replay) is another one").isTrue();
        assertThat(probe.state(base + 1)).isEqualTo("FAILED/FAILED/null");
    }

    @Test
    void queuesAgainAnItemWhoseReceiptWasRecordedButWhoseMessageWasLostWhenItIsSentAgain() throws Exception {
        String t = "resend-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"type\":\"PatientUpdated\",\"id\":\"r-1\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String receipt = UUID.randomUUID().toString();
        probe.lostReceipt(t, receipt, 4242, "webhook:msg-lost-1",
                org.hms.hub.connector.control.inbound.Inbound.sha256(bytes), bytes.length,
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2));
        tenant.set(t);

        var accepted = inbound.accept(4242, org.hms.hub.connector.entity.InboundReceipt.Source.WEBHOOK,
                "webhook:msg-lost-1", body, jakarta.json.Json.createReader(new java.io.StringReader(body)).read(),
                org.hms.hub.connector.control.inbound.InboundShape.DEFAULT, null);

        assertThat(accepted.duplicate()).isTrue();
        assertThat(accepted.receiptId()).isEqualTo(receipt);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!"PROCESSED".equals(probe.receiptState(receipt)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(probe.receiptState(receipt)).as("the fan-out got the item again").isEqualTo("PROCESSED");
    }

    @Test
    void queuesAgainAnItemWhoseMessageWasLostEvenWhenNobodySendsItAgain() throws Exception {
        String t = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"type\":\"PatientUpdated\",\"id\":\"r-3\"}";
        String receipt = UUID.randomUUID().toString();
        probe.lostReceiptWithPayload(t, receipt, 4244, "webhook:msg-lost-3", org.hms.hub.connector.control.inbound
                .Inbound.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), body,
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(6));

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(45);
        while (!"PROCESSED".equals(probe.receiptState(receipt)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }

        assertThat(probe.receiptState(receipt)).as("the sweeper queued the item again from its receipt")
                .isEqualTo("PROCESSED");
        assertThat(probe.pendingPayload(receipt)).as("a processed receipt keeps no payload").isNull();
    }

    @Test
    void doesNotQueueAgainAYoungUnprocessedReceiptOrADifferentPayload() throws Exception {
        String t = "resend-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":\"r-2\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String young = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        probe.lostReceipt(t, young, 4243, "webhook:msg-young", org.hms.hub.connector.control.inbound.Inbound
                .sha256(bytes), bytes.length, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2));
        probe.lostReceipt(t, other, 4243, "webhook:msg-other", "0".repeat(64), bytes.length,
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2));
        tenant.set(t);

        for (String external : new String[] {"webhook:msg-young", "webhook:msg-other"}) {
            inbound.accept(4243, org.hms.hub.connector.entity.InboundReceipt.Source.WEBHOOK, external, body,
                    jakarta.json.Json.createReader(new java.io.StringReader(body)).read(),
                    org.hms.hub.connector.control.inbound.InboundShape.DEFAULT, null);
        }

        Thread.sleep(3_000);
        assertThat(probe.receiptState(young)).as("its message may still be on its way").isEqualTo("RECEIVED");
        assertThat(probe.receiptState(other)).as("not the same item").isEqualTo("RECEIVED");
    }

    @Test
    void leavesAnotherTenantsOperationsAlone() throws Exception {
        String owner = "settle-" + UUID.randomUUID().toString().substring(0, 8);
        long base = 950_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;
        probe.pendingOperation(owner, base, base + 1, base + 2, "DELIVERED",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30));

        tenant.set("settle-other-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), 100)).isZero();
        assertThat(probe.state(base + 1)).isEqualTo("PENDING/PENDING/null");
    }
}
