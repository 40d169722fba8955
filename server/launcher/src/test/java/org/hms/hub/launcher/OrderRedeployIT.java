package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hms.hub.testsupport.FakeHmsApi;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.LaunchedHub;
import org.hms.hub.testsupport.OrderFixture;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's "no loss, no duplicate" across a redeploy in the middle of a flow: the hub (the launcher jar, as the
 * README runs it) is stopped the way a redeploy stops it (SIGTERM) while orders are on their way to a slow
 * HMS-OMS, orders and fulfilments happen while it is down (the systems' webhook senders retry), and it is started
 * again. The stop lets the hub's consumers finish the messages they hold before Payara stops (the launcher's drain).
 * Afterwards HMS-OMS holds every order exactly once and every fulfilment reached HMS-API. (A crash —
 * SIGKILL — in the middle of a two-phase commit is issue #10's fault injection; see docs/orders.md.)
 */
class OrderRedeployIT {

    private static final int BEFORE = 30;
    private static final int WHILE_DOWN = 10;

    @Test
    void losesAndDuplicatesNoOrderWhenTheHubIsRedeployedMidFlow() throws Exception {
        try (LaunchedHub hub = LaunchedHub.start(Path.of(System.getProperty("it.data.dir")), Hub.adminPassword())) {
            OrderFixture f = OrderFixture.create(Hub.adminToken(), "OrderRedeployIT");
            try {
                f.mapUser("u-1", "oms-u-1");
                f.oms().slow(250);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < BEFORE; i++) {
                    ids.add(f.api().createOrder("Before the kill " + i, "u-1", FakeHmsApi.items("x")));
                }
                Hub.await("the first orders to reach HMS-OMS", Duration.ofSeconds(90), () -> f.oms().size() >= 5);
                hub.close();
                assertThat(f.oms().size()).as("orders in HMS-OMS when the hub was stopped").isLessThan(BEFORE);
                assertThat(new String(Files.readAllBytes(hub.log()), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("the stop let the consumers finish their messages first")
                        .contains("its consumers finished the messages they held");

                List<Long> fulfilled = f.oms().all().stream().limit(3).map(o -> o.getJsonNumber("id").longValue())
                        .toList();
                fulfilled.forEach(f.oms()::fulfil);
                for (int i = 0; i < WHILE_DOWN; i++) {
                    ids.add(f.api().createOrder("While down " + i, "u-1", FakeHmsApi.items("y")));
                }
                f.oms().slow(0);
                hub.restart();

                Hub.await("every order to reach HMS-OMS", Duration.ofSeconds(360), () -> ids.stream()
                        .allMatch(id -> !f.oms().byExtCode(Long.toString(id)).isEmpty()), () -> missing(f, ids, hub));
                List<Long> fulfilledApiIds = fulfilled.stream().map(oms -> Long.parseLong(f.oms().order(oms)
                        .getString("ext_code"))).toList();
                Hub.await("the fulfilments to reach HMS-API", Duration.ofSeconds(120), () -> fulfilledApiIds.stream()
                        .allMatch(id -> "fulfilled".equals(f.api().status(id))));
                Hub.await("every order to be SYNCED", Duration.ofSeconds(120), () -> ids.stream()
                        .allMatch(id -> "SYNCED".equals(f.syncState(id))), () -> ids.stream()
                        .filter(id -> !"SYNCED".equals(f.syncState(id))).map(id -> id + " " + f.order(id))
                        .collect(Collectors.joining("\n", "\n", "\n" + severe(hub))));
                Map<String, Long> perExtCode = f.oms().all().stream().collect(Collectors.groupingBy(
                        o -> o.getString("ext_code"), Collectors.counting()));
                assertThat(perExtCode.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey)
                        .toList()).as("ext_codes with more than one HMS-OMS order").isEmpty();
                assertThat(f.oms().size()).isEqualTo(BEFORE + WHILE_DOWN);
            } finally {
                f.close();
            }
        }
    }

    /** The orders not in HMS-OMS yet, each with the hub's view of it, and what the hub logged as severe. */
    private static String missing(OrderFixture f, List<Long> ids, LaunchedHub hub) {
        return ids.stream().filter(id -> f.oms().byExtCode(Long.toString(id)).isEmpty())
                .map(id -> id + " " + f.order(id)).collect(Collectors.joining("\n", "\n", "\nHMS-API webhooks pending: "
                        + f.api().pendingWebhooks() + "\n" + severe(hub)));
    }

    /**
     * The first SEVERE records of the hub's current log and its warnings from the hub's and Artemis' code (the
     * CI shows only the failure's message; start-up noise such as expired JDK CA certificates is left out). The log
     * holds two formats: the JDK's two-line records before Payara has configured logging, and Payara's one-line
     * records ({@code [time] [version] [WARNING] [id] [logger] ... message}) after.
     */
    private static String severe(LaunchedHub hub) {
        try (var lines = Files.lines(hub.log())) {
            List<String> all = lines.map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")).toList();
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < all.size() && picked.size() < 15; i++) {
                String line = all.get(i);
                String source = i > 0 ? all.get(i - 1) : "";
                boolean payara = line.startsWith("[");
                boolean isSevere = payara ? line.contains("] [SEVERE] [") : line.startsWith("SEVERE");
                boolean isWarning = payara ? line.contains("] [WARNING] [") : line.startsWith("WARNING");
                String record = payara ? line : source + " | " + line;
                if (isSevere || isWarning && (record.contains("org.hms.hub") || record.contains("activemq"))) {
                    picked.add(record.substring(0, Math.min(record.length(), 500)));
                }
            }
            return "log " + hub.log() + (picked.isEmpty() ? ": no SEVERE record, no warning from the hub"
                    : ", its first:\n" + String.join("\n", picked));
        } catch (java.io.IOException e) {
            return "log " + hub.log() + " unreadable: " + e.getMessage();
        }
    }
}
