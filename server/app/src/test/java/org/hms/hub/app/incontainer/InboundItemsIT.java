package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.connector.control.inbound.FanOut;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.platform.tenancy.TenantContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub, inbound items on their way in. The items of a connector another module claims (an order
 * integration's) go from the intake straight to that module's queue, and it is that module's transaction that marks
 * their receipt processed; a claimed item whose hand-over message a crash lost is taken over once it is sent again.
 * The others are fanned out from {@code hub.inbound} in batches — a burst queued together is processed whole — and
 * an item that cannot be processed does not hold up its batch-mates: it fails alone and the broker tries it again
 * (it is not dropped), while a message that is no inbound item goes to the dead-letter address. A batch whose
 * deliveries are many (a wide fan-out) is processed in several transactions, each item once.
 */
@ExtendWith(ArquillianExtension.class)
class InboundItemsIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(InboundItemsIT.class);
    }

    @EJB
    RecoveryProbe probe;

    @EJB
    FanOutProbe fanOut;

    @Inject
    Inbound inbound;

    @Inject
    TenantContext tenant;

    @Test
    void handsAClaimedItemToItsModuleWhoseTransactionMarksTheReceiptProcessed() throws Exception {
        long api = claimedConnector();
        String body = order("claimed-1");

        Inbound.Accepted accepted = inbound.accept(api, InboundReceipt.Source.WEBHOOK, "webhook:claimed-1", body,
                parse(body), InboundShape.DEFAULT, null);

        assertThat(accepted.duplicate()).isFalse();
        awaitProcessed(accepted.receiptId(), 30);
        assertThat(probe.operationsFor(accepted.receiptId())).as("the order module applied it (a status the model "
                + "refuses)").isEqualTo("TRANSITION_REJECTED");
        assertThat(probe.pendingPayload(accepted.receiptId())).as("a processed receipt keeps no payload").isNull();
    }

    @Test
    void takesOverAClaimedItemWhoseHandOverMessageWasLostWhenItIsSentAgain() throws Exception {
        long api = claimedConnector();
        String body = order("claimed-2");
        String receipt = UUID.randomUUID().toString();
        // what a stop that split the intake's commit leaves: the receipt, unprocessed, and no message on hub.orders
        probe.lostReceiptWithPayload(tenant.current(), receipt, api, "webhook:claimed-2",
                Inbound.sha256(body.getBytes(StandardCharsets.UTF_8)), body,
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2));

        Inbound.Accepted again = inbound.accept(api, InboundReceipt.Source.WEBHOOK, "webhook:claimed-2", body,
                parse(body), InboundShape.DEFAULT, null);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.receiptId()).isEqualTo(receipt);
        awaitProcessed(receipt, 30);
        assertThat(probe.operationsFor(receipt)).as("the order module got the item once").isEqualTo(
                "TRANSITION_REJECTED");
    }

    @Test
    void fansOutEveryItemOfTwoTenantsBurstsQueuedTogether() throws Exception {
        String a = "fan-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "fan-b-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> all = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            all.addAll(fanOut.burst(a, "a" + round, 150, null));
            all.addAll(fanOut.burst(b, "b" + round, 40, null));
        }

        assertThat(all).hasSize(570).doesNotHaveDuplicates();
        awaitAllProcessed(all, 60);
    }

    @Test
    void anItemThatCannotBeFannedOutFailsAloneAndIsTriedAgainUntilItCan() throws Exception {
        String t = "fan-poison-" + UUID.randomUUID().toString().substring(0, 8);
        String poison = UUID.randomUUID().toString();

        List<String> mates = fanOut.burst(t, "mates", 40, poison);

        awaitAllProcessed(mates, 60);
        assertThat(probe.receiptState(poison)).as("the poison item's receipt does not exist yet").isNull();
        // the receipt appears (as when its transaction's commit had not been visible yet): the broker's next
        // delivery of the item, still held for it, now processes it
        probe.lostReceipt(t, poison, 0, "poison-late", "0".repeat(64), 10, OffsetDateTime.now(ZoneOffset.UTC));
        awaitAllProcessed(List.of(poison), 90);
    }

    @Test
    void endsAFanOutTransactionAtTheItemWhoseDeliveriesReachTheLimitAndProcessesTheRestInTheNext() throws Exception {
        String t = tenantWithSubscribers("fan-split-", "ProbeSplit");
        int width = WIDTH;
        List<FanOut.Item> items = fanOut.unqueuedItems(t, "ProbeSplit", "split", 100);
        int first = (FanOut.MAX_DELIVERIES + width - 1) / width; // 84 items make 1,008 deliveries

        int done = fanOut.processAll(t, items);
        assertThat(done).as("items in the first transaction").isEqualTo(first);
        assertThat(fanOut.deliveriesByReceipt(t)).as("deliveries after the first transaction").hasSize(first);
        int rest = fanOut.processAll(t, items.subList(done, items.size()));

        assertThat(rest).as("items in the second transaction").isEqualTo(items.size() - first);
        Map<String, String> deliveries = fanOut.deliveriesByReceipt(t);
        assertThat(deliveries).as("every item fanned out").hasSize(items.size());
        assertThat(deliveries.values()).as("count/distinct keys per item").containsOnly(width + "/" + width);
        for (FanOut.Item item : items) {
            assertThat(probe.receiptState(item.receiptId())).as(item.receiptId()).isEqualTo("PROCESSED");
        }
        fanOut.discardDeliveries(t);
    }

    @Test
    void fansOutAQueuedBurstWhoseDeliveriesNeedSeveralTransactionsEachItemOnce() throws Exception {
        String t = tenantWithSubscribers("fan-wide-", "ProbeFannedOut");
        int width = WIDTH;

        List<String> receipts = fanOut.burst(t, "wide", 100, null);

        awaitAllProcessed(receipts, 60);
        Map<String, String> deliveries = fanOut.deliveriesByReceipt(t);
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(receipts);
        assertThat(deliveries.values()).as("count/distinct keys per item").containsOnly(width + "/" + width);
        fanOut.discardDeliveries(t);
    }

    /** How many subscribers the wide fan-outs have: 100 items make 1,200 deliveries, more than one transaction's. */
    private static final int WIDTH = 12;

    /** A new tenant with {@link #WIDTH} switched-off connectors subscribed to the event type. */
    private String tenantWithSubscribers(String prefix, String eventType) throws Exception {
        String t = prefix + UUID.randomUUID().toString().substring(0, 8);
        fanOut.switchedOffSubscribers(t, eventType, WIDTH,
                20_000_000L + ThreadLocalRandom.current().nextLong(500_000) * 20);
        return t;
    }

    /** A new tenant, made current, with an order integration whose HMS-API connector id this returns. */
    private long claimedConnector() throws Exception {
        String t = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        long api = 7_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 2;
        probe.orderIntegration(t, api, api, api + 1);
        tenant.set(t);
        return api;
    }

    /** An HMS-API order.created whose status the order status model refuses: the module records and parks it. */
    private static String order(String id) {
        return "{\"type\":\"order.created\",\"data\":{\"id\":\"" + id + "\",\"title\":\"CBC\",\"status\":\"teleported\","
                + "\"user_id\":\"u-1\",\"items\":[],\"created_at\":\"2026-12-06T10:00:00Z\","
                + "\"updated_at\":\"2026-12-06T10:00:00Z\"}}";
    }

    private static jakarta.json.JsonValue parse(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private void awaitAllProcessed(List<String> ids, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> waiting = new ArrayList<>(ids);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            List<String> still = new ArrayList<>();
            for (String id : waiting) {
                if (!"PROCESSED".equals(probe.receiptState(id))) {
                    still.add(id);
                }
            }
            waiting = still;
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
        assertThat(waiting).as("receipts not processed within " + seconds + " s").isEmpty();
    }

    private void awaitProcessed(String receipt, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!"PROCESSED".equals(probe.receiptState(receipt)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(probe.receiptState(receipt)).as("receipt " + receipt).isEqualTo("PROCESSED");
    }
}
