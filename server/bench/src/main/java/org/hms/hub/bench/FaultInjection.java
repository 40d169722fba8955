package org.hms.hub.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.LaunchedHub;

/**
 * Issue #10's fault injection, through the order benchmark's real path: orders placed in HMS-API at a steady rate
 * while (run 1, embedded broker) the hub JVM is killed with SIGKILL twice and started again each time, and HMS-OMS
 * is down for 60 s; and (run 2, an external broker in a JVM of its own) the broker is restarted. After everything
 * has drained, HMS-OMS must hold every order exactly once, both systems must say "fulfilled" for each, the audit
 * trail must record each order's calls and syncs both ways ({@code DeliverySucceeded}, {@code OrderSynced}), and
 * every open dead letter must carry its explanation. Any difference ends the run with exit code 1 and the ids concerned.
 * <p>
 * Properties: {@code bench.db} (postgresql|h2), {@code bench.orders} (2000 per run), {@code bench.rate} (orders/s
 * placed, 10: below what the hub sustains, so that what piles up during a fault drains), {@code bench.senders} (8), {@code bench.runs} (both|kill|broker).
 */
public final class FaultInjection {

    private FaultInjection() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "postgresql");
        int orders = Integer.getInteger("bench.orders", 2000);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));
        int senders = Integer.getInteger("bench.senders", 8);
        String runs = System.getProperty("bench.runs", "both");
        Path work = Path.of("server/bench/target/fault-injection");
        OrderBenchmark.configureHub();
        List<String> problems = new ArrayList<>();
        if (!runs.equals("broker")) {
            problems.addAll(killsAndOmsOutage(work.resolve("kill"), db, orders, rate, senders));
        }
        if (!runs.equals("kill")) {
            problems.addAll(brokerRestart(work.resolve("broker"), db, orders, rate, senders));
        }
        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("FAULT INJECTION PASSED: 0 orders lost, 0 duplicated, all statuses agree, every order"
                    + " audited both ways, no dead letter without an explanation");
            System.exit(0);
        }
        System.out.println("FAULT INJECTION FAILED:");
        problems.forEach(p -> System.out.println("  - " + p));
        System.exit(1);
    }

    private static List<String> killsAndOmsOutage(Path work, String db, int orders, double rate, int senders)
            throws Exception {
        System.out.printf("%nRun 1 (%s, embedded broker): %d orders at %.0f/s; SIGKILL at 20 %% and 70 %%, HMS-OMS down "
                + "60 s from 45 %%%n", db, orders, rate);
        try (LaunchedHub hub = LaunchedHub.start(work, OrderBenchmark.ADMIN_PASSWORD,
                OrderBenchmark.hubProperties(db));
             OrderFlow flow = new OrderFlow(Hub.adminToken(), "faults-1", senders)) {
            BenchSupport.requireDatabase(hub.log(), db);
            List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread feeder = feeder(flow, ids, orders, rate);
            awaitPlaced(ids, orders * 20 / 100);
            kill(hub, ids);
            awaitPlaced(ids, orders * 45 / 100);
            System.out.printf("  order %d placed: HMS-OMS down for 60 s%n", ids.size());
            flow.oms.down();
            Thread omsOutage = new Thread(() -> {
                sleep(60_000);
                flow.oms.up();
                System.out.println("  HMS-OMS up again");
            });
            omsOutage.start();
            awaitPlaced(ids, orders * 70 / 100);
            kill(hub, ids);
            feeder.join();
            omsOutage.join();
            return drainAndCheck("run 1", flow, ids, hub);
        }
    }

    private static List<String> brokerRestart(Path work, String db, int orders, double rate, int senders)
            throws Exception {
        int port = BenchSupport.freePort();
        Path brokerData = work.resolve("broker");
        BenchSupport.deleteTree(work);
        System.out.printf("%nRun 2 (%s, external broker on 127.0.0.1:%d): %d orders at %.0f/s; the broker restarted at "
                + "50 %%%n", db, port, orders, rate);
        Process broker = startBroker(brokerData, port, work.resolve("broker-1.log"));
        System.setProperty("it.hub.broker", "127.0.0.1:" + port);
        try (LaunchedHub hub = LaunchedHub.start(work.resolve("hub"), OrderBenchmark.ADMIN_PASSWORD,
                OrderBenchmark.hubProperties(db));
             OrderFlow flow = new OrderFlow(Hub.adminToken(), "faults-2", senders)) {
            BenchSupport.requireDatabase(hub.log(), db);
            List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread feeder = feeder(flow, ids, orders, rate);
            awaitPlaced(ids, orders / 2);
            System.out.println("  order " + ids.size() + " placed: broker stopped (SIGTERM) and started again");
            broker.destroy();
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
            broker = startBroker(brokerData, port, work.resolve("broker-2.log"));
            feeder.join();
            return drainAndCheck("run 2", flow, ids, hub);
        } finally {
            System.clearProperty("it.hub.broker");
            broker.destroy();
            broker.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Process startBroker(Path data, int port, Path log) throws Exception {
        java.nio.file.Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
                data.toString(), Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchSupport.await("the broker to start", () -> {
            try {
                return java.nio.file.Files.readString(log).contains("BROKER READY");
            } catch (java.io.IOException e) {
                return false;
            }
        }, Duration.ofMinutes(1));
        return p;
    }

    private static List<String> drainAndCheck(String run, OrderFlow flow, List<Long> ids, LaunchedHub hub)
            throws InterruptedException {
        System.out.printf("  %d orders placed; waiting for them to drain%n", ids.size());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Long.getLong("bench.drainMinutes", 30));
        long report = 0;
        while (System.nanoTime() < deadline && !(flow.done.get() >= ids.size() && flow.api.pendingWebhooks() == 0
                && flow.oms.pendingWebhooks() == 0)) {
            if (System.nanoTime() > report) {
                System.out.printf("  %d of %d orders round; webhooks waiting: HMS-API %d, HMS-OMS %d%n",
                        flow.done.get(), ids.size(), flow.api.pendingWebhooks(), flow.oms.pendingWebhooks());
                report = System.nanoTime() + 15_000_000_000L;
            }
            Thread.sleep(200);
        }
        sleep(5_000); // late duplicates, if any, would land now
        List<String> problems = new ArrayList<>();
        flow.problems(ids).forEach(p -> problems.add(run + ": " + p));
        flow.auditProblems(ids, Duration.ofMinutes(2)).forEach(p -> problems.add(run + ": " + p));
        problems.forEach(p -> System.out.println("  " + p));
        problems.addAll(deadLetters(run));
        System.out.printf("  %s: %d orders placed, %d in HMS-OMS, %d round; %s; hub log %s%n", run, ids.size(),
                flow.oms.size(), flow.done.get(), problems.isEmpty() ? "no difference" : problems.size() + " problems",
                hub.log());
        return problems;
    }

    /** Every open dead letter, listed; one without an explanation (error text) is a problem. */
    private static List<String> deadLetters(String run) {
        List<String> problems = new ArrayList<>();
        JsonObject page = Hub.api("dead-letters").queryParam("state", "OPEN").queryParam("limit", 200).request()
                .header("Authorization", Hub.bearer(Hub.adminToken())).get(JsonObject.class);
        System.out.printf("  %d open dead letters%n", page.getJsonNumber("total").longValue());
        for (JsonValue v : page.getJsonArray("items")) {
            JsonObject d = v.asJsonObject();
            String error = d.isNull("error") ? "" : d.getString("error");
            System.out.printf("  open dead letter %d: connector %d, %s, entity %s: %s%n", d.getJsonNumber("id")
                    .longValue(), d.getJsonNumber("connectorId").longValue(), d.getString("reason"),
                    d.isNull("entityKey") ? "-" : d.getString("entityKey"), error);
            if (error.isBlank()) {
                problems.add(run + ": dead letter " + d.getJsonNumber("id") + " has no explanation");
            }
        }
        return problems;
    }

    /** Places the orders at the rate in a thread of its own (orders keep coming while the hub is down). */
    private static Thread feeder(OrderFlow flow, List<Long> ids, int orders, double rate) {
        Thread t = new Thread(() -> {
            long begin = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                pace(begin, i, rate);
                ids.add(flow.place(i));
            }
        }, "order-feeder");
        t.start();
        return t;
    }

    private static void awaitPlaced(List<Long> ids, int count) {
        while (ids.size() < count) {
            sleep(20);
        }
    }

    /** SIGKILL, then the same start as the README's, on the same data; the webhooks wait in the systems' queues. */
    private static void kill(LaunchedHub hub, List<Long> ids) throws Exception {
        int placed = ids.size();
        System.out.printf("  order %d placed: SIGKILL to the hub (pid %d)%n", placed, hub.pid());
        hub.kill();
        long t0 = System.nanoTime();
        hub.restart();
        System.out.printf("  hub ready again after %.1f s (%d orders placed meanwhile)%n",
                (System.nanoTime() - t0) / 1e9, ids.size() - placed);
    }

    private static void pace(long begin, int i, double rate) {
        long wait = begin + (long) (i * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
