package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hms.hub.app.env.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: the fan-out takes {@code hub.inbound} in batches — a burst of items queued together is
 * processed whole — and an item that cannot be processed does not hold up its batch-mates: it fails alone and is
 * tried again by the broker (not dropped), while a message that is no inbound item goes to the dead-letter address.
 */
@ExtendWith(ArquillianExtension.class)
class FanOutBatchesIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(FanOutBatchesIT.class);
    }

    @EJB
    FanOutProbe fanOut;

    @EJB
    RecoveryProbe receipts;

    private static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void processesEveryItemOfTwoTenantsBurstsQueuedTogether() throws Exception {
        String a = tenant("fan-a");
        String b = tenant("fan-b");
        List<String> all = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            all.addAll(fanOut.burst(a, "a" + round, 150, null));
            all.addAll(fanOut.burst(b, "b" + round, 40, null));
        }

        assertThat(all).hasSize(570).doesNotHaveDuplicates();
        awaitProcessed(all, 60);
    }

    @Test
    void anItemThatCannotBeProcessedFailsAloneAndIsTriedAgainUntilItCan() throws Exception {
        String t = tenant("fan-poison");
        String poison = UUID.randomUUID().toString();

        List<String> mates = fanOut.burst(t, "mates", 40, poison);

        awaitProcessed(mates, 60);
        assertThat(receipts.receiptState(poison)).as("the poison item's receipt does not exist yet").isNull();
        // the receipt appears (as when its transaction's commit had not been visible yet): the broker's next
        // delivery of the item, still held for it, now processes it
        receipts.lostReceipt(t, poison, 0, "poison-late", "0".repeat(64), 10, OffsetDateTime.now(ZoneOffset.UTC));
        awaitProcessed(List.of(poison), 90);
    }

    private void awaitProcessed(List<String> ids, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> waiting = new ArrayList<>(ids);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            List<String> still = new ArrayList<>();
            for (String id : waiting) {
                if (!"PROCESSED".equals(receipts.receiptState(id))) {
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
}
