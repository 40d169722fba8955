package org.hms.hub.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.LaunchedHub;

/**
 * Issue #10's benchmark: the launched hub (README configuration; PostgreSQL by default, {@code -Dbench.db=h2} for
 * the embedded default) between seed 000's two order systems, measured through the real path, with same-run
 * baselines. Prints a table and writes JSON ({@code server/bench/target/order-benchmark.json}). Not a test: it
 * asserts nothing; {@link FaultInjection} is the run that checks.
 * <p>
 * Figures: (a) bare Payara Micro no-op endpoint, req/s; (b) durable-commit limit, items/s; the hub's cold start to
 * ready and its idle RSS and CPU; webhook intake/s alone (no subscriber; ratio to a) and the hub's CPU per webhook
 * (until it is quiet again, less its idle CPU); deliveries/s alone (one subscriber on an HTTP peer answering at once;
 * ratio to b) and the hub's CPU per webhook delivered; end-to-end orders/s sustained (order placed in HMS-API → created in
 * HMS-OMS → fulfilled there → fulfilled in HMS-API; ratio to b), with the hub's CPU and RSS; latency p50/p95/p99
 * (webhook accepted → the other side confirmed) at 50 % and 100 % of that maximum as offered load.
 * <p>
 * Properties: {@code bench.db} (postgresql|h2), {@code bench.orders} (2000), {@code bench.webhooks} (3000),
 * {@code bench.concurrency} (16 HTTP senders for intake and baselines), {@code bench.senders} (16 webhook senders
 * per order system), {@code bench.loadSeconds} (30: length of each fixed-load run), {@code bench.out}.
 */
public final class OrderBenchmark {

    static final String ADMIN_PASSWORD = "Bench-Admin-Passw0rd-" + Long.toHexString(System.nanoTime());
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "order-benchmark-webhook-secret-32".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private OrderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "postgresql");
        int orders = Integer.getInteger("bench.orders", 2000);
        int webhooks = Integer.getInteger("bench.webhooks", 3000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int senders = Integer.getInteger("bench.senders", 16);
        int loadSeconds = Integer.getInteger("bench.loadSeconds", 30);
        Path work = Path.of("server/bench/target/order-bench");
        configureHub();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("database", db);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("measuredAt", Instant.now().toString());

        String sample = webhookBody(0, "IntakeOnly");
        System.out.println("Baseline (a): bare Payara Micro, no-op endpoint");
        double noOp = Baselines.noOpEndpoint(work, webhooks, concurrency, sample);
        figures.put("baselineNoOpRequestsPerSecond", BenchSupport.round(noOp));
        System.out.println("Baseline (b): PostgreSQL insert + persistent Artemis send and receive per item");
        double durable = Baselines.durableCommits(work, "hub_bench_baseline", webhooks, concurrency);
        figures.put("baselineDurableItemsPerSecond", BenchSupport.round(durable));

        long startAt = System.nanoTime();
        try (LaunchedHub hub = LaunchedHub.start(work.resolve("hub"), ADMIN_PASSWORD, hubProperties(db))) {
            figures.put("coldStartToReadySeconds", BenchSupport.round((System.nanoTime() - startAt) / 1e9));
            BenchSupport.requireDatabase(hub.log(), db);
            System.out.printf("Hub started (%s, pid %d)%n", db, hub.pid());
            Thread.sleep(10_000);
            figures.put("idleRssMiB", BenchSupport.rssMiB(hub.pid()));
            String admin = Hub.adminToken();

            // webhook intake alone: a connector nobody subscribes to
            long source = connector(admin, Json.createObjectBuilder().add("name", "Bench intake").add("type", "API")
                    .add("endpoint", "http://127.0.0.1:9/").add("localNetwork", true).add("authType", "NONE")
                    .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                            .add("secret", SECRET)).build());
            URI url = hub.base().resolve("/api/webhooks/" + source);
            System.out.printf("Webhook intake alone: %d webhooks, %d concurrent senders%n", webhooks, concurrency);
            BenchSupport.post(url, Math.min(1000, webhooks), concurrency, 202,
                    i -> BenchSupport.signedWebhook(SECRET, "warm-" + i, webhookBody(i, "IntakeOnly")));
            // the warm-up's fan-out and audit trail done, then what the hub uses while nothing arrives
            BenchSupport.awaitQuiet(hub.pid(), 0, Duration.ofSeconds(60));
            double idle0 = BenchSupport.cpuSeconds(hub.pid());
            Thread.sleep(5_000);
            double idleCores = Math.max(0, (BenchSupport.cpuSeconds(hub.pid()) - idle0) / 5);
            figures.put("idleCpuCoresBusy", Math.round(idleCores * 1000) / 1000.0);
            double intakeCpu0 = BenchSupport.cpuSeconds(hub.pid());
            long t0 = System.nanoTime();
            List<Long> intake = BenchSupport.post(url, webhooks, concurrency, 202,
                    i -> BenchSupport.signedWebhook(SECRET, "intake-" + i, webhookBody(i, "IntakeOnly")));
            double intakeRate = webhooks / ((System.nanoTime() - t0) / 1e9);
            figures.put("webhookIntakePerSecond", BenchSupport.round(intakeRate));
            figures.put("webhookIntakeRatioToNoOp", Math.round(intakeRate / noOp * 1000) / 1000.0);
            figures.put("webhookCallP50Ms", BenchSupport.ms(BenchSupport.percentile(intake, 50)));
            figures.put("webhookCallP99Ms", BenchSupport.ms(BenchSupport.percentile(intake, 99)));
            // the CPU of the intake and of what it sets off (fan-out, audit trail), once the hub is quiet again
            figures.put("hubCpuMsPerWebhook",
                    BenchSupport.cpuMsPerItemUntilQuiet(hub.pid(), intakeCpu0, t0, idleCores, webhooks));
            Thread.sleep(5_000);

            // deliveries alone: one subscriber on a peer that answers at once
            double deliveriesCpu0 = BenchSupport.cpuSeconds(hub.pid());
            long d0 = System.nanoTime();
            double deliveries = deliveries(admin, url, webhooks, concurrency);
            figures.put("deliveriesPerSecond", BenchSupport.round(deliveries));
            // per webhook delivered once: its intake, fan-out and audit as above, plus its delivery
            figures.put("hubCpuMsPerDeliveredWebhook",
                    BenchSupport.cpuMsPerItemUntilQuiet(hub.pid(), deliveriesCpu0, d0, idleCores, webhooks));
            figures.put("deliveriesRatioToDurable", Math.round(deliveries / durable * 1000) / 1000.0);
            Thread.sleep(10_000);

            try (OrderFlow flow = new OrderFlow(admin, "bench", senders)) {
                // sustained maximum: every order placed at once, the hub works through them
                System.out.printf("Orders end to end: %d placed at once%n", orders);
                for (int i = 0; i < Math.min(200, orders / 5); i++) {
                    flow.place(i);
                }
                int warm = Math.min(200, orders / 5);
                BenchSupport.await("the warm-up orders", () -> flow.done.get() >= warm, Duration.ofMinutes(10));
                flow.done.set(0);
                double cpu0 = BenchSupport.cpuSeconds(hub.pid());
                long first = System.nanoTime();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < orders; i++) {
                    ids.add(flow.place(warm + i));
                }
                awaitOrders(flow, orders, Duration.ofMinutes(60));
                double seconds = (flow.lastDone.get() - first) / 1e9;
                double cpu = BenchSupport.cpuSeconds(hub.pid()) - cpu0;
                double max = orders / seconds;
                figures.put("ordersPerSecondSustained", BenchSupport.round(max));
                figures.put("ordersRatioToDurable", Math.round(max / durable * 1000) / 1000.0);
                figures.put("hubCpuCoresBusy", BenchSupport.round(cpu / seconds));
                figures.put("hubCpuMsPerOrder", BenchSupport.round(cpu * 1000 / orders));
                figures.put("hubRssAfterMiB", BenchSupport.rssMiB(hub.pid()));
                figures.put("saturated", latencies(flow, ids));

                int next = warm + orders;
                for (double fraction : new double[] {0.5, 1.0}) {
                    double rate = Math.max(1, max * fraction);
                    int count = (int) Math.max(100, Math.min(orders, rate * loadSeconds));
                    settle(flow);
                    System.out.printf("Fixed load: %.0f %% of the maximum, %.1f orders/s, %d orders%n",
                            fraction * 100, rate, count);
                    flow.done.set(0);
                    List<Long> placed = new ArrayList<>();
                    long begin = System.nanoTime();
                    for (int i = 0; i < count; i++) {
                        long due = begin + (long) (i * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        placed.add(flow.place(next++));
                    }
                    awaitOrders(flow, count, Duration.ofMinutes(30));
                    Map<String, Object> at = latencies(flow, placed);
                    at.put("offeredOrdersPerSecond", BenchSupport.round(rate));
                    figures.put("load" + Math.round(fraction * 100) + "pct", at);
                }
            }
        }
        print(figures);
        Path out = Path.of(System.getProperty("bench.out", "server/bench/target/order-benchmark.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, JsonOut.of(figures));
        System.out.println("\nWritten to " + out);
        System.exit(0); // the fakes' and the HTTP clients' threads would keep the JVM alive
    }

    /** The launched hub as the README runs it (heap included), on fresh ports. */
    static void configureHub() throws java.io.IOException {
        System.setProperty("it.launcher.jar", System.getProperty("bench.launcher.jar",
                "server/launcher/target/hms-hub.jar"));
        System.setProperty("it.http.port", Integer.toString(BenchSupport.freePort()));
        System.setProperty("it.hub.broker.port", Integer.toString(BenchSupport.freePort()));
        System.setProperty("it.admin.password", ADMIN_PASSWORD);
        System.setProperty("it.hub.xmx", System.getProperty("bench.hub.xmx", "768m"));
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * Points the launched hub at the database — the launcher's own options, as an operator would give them (a
     * fresh PostgreSQL database {@code hub_bench}, or H2 under the data directory) — and returns no further
     * system properties.
     */
    static String[] hubProperties(String db) throws Exception {
        if (db.equals("postgresql")) {
            BenchSupport.recreatePostgres("hub_bench");
            BenchSupport.analyzeRegularly("hub_bench");
            System.setProperty("it.hub.db.url", "jdbc:postgresql://127.0.0.1:5432/hub_bench");
            System.setProperty("it.hub.db.user", "postgres");
            return new String[0];
        }
        if (!db.equals("h2")) {
            throw new IllegalArgumentException("bench.db is postgresql or h2, not " + db);
        }
        System.clearProperty("it.hub.db.url");
        return new String[0];
    }

    static void awaitOrders(OrderFlow flow, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long report = System.nanoTime() + 10_000_000_000L;
        while (flow.done.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + flow.done.get() + " of " + count + " orders went round within "
                        + timeout.toMinutes() + " min");
            }
            if (System.nanoTime() > report) {
                System.out.printf("  %d of %d orders round%n", flow.done.get(), count);
                report = System.nanoTime() + 10_000_000_000L;
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the systems have no webhook left to send and the hub has had 15 s to finish its own work. */
    private static void settle(OrderFlow flow) throws InterruptedException {
        BenchSupport.await("the webhooks of the last run", () -> flow.api.pendingWebhooks() == 0
                && flow.oms.pendingWebhooks() == 0, Duration.ofMinutes(10));
        Thread.sleep(15_000);
    }

    private static Map<String, Object> latencies(OrderFlow flow, List<Long> ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Long> apiToOms = flow.apiToOms(ids);
        List<Long> omsToApi = flow.omsToApi(ids);
        List<Long> round = flow.roundTrip(ids);
        m.put("apiToOmsP50Ms", BenchSupport.ms(BenchSupport.percentile(apiToOms, 50)));
        m.put("apiToOmsP95Ms", BenchSupport.ms(BenchSupport.percentile(apiToOms, 95)));
        m.put("apiToOmsP99Ms", BenchSupport.ms(BenchSupport.percentile(apiToOms, 99)));
        m.put("omsToApiP50Ms", BenchSupport.ms(BenchSupport.percentile(omsToApi, 50)));
        m.put("omsToApiP95Ms", BenchSupport.ms(BenchSupport.percentile(omsToApi, 95)));
        m.put("omsToApiP99Ms", BenchSupport.ms(BenchSupport.percentile(omsToApi, 99)));
        m.put("roundTripP50Ms", BenchSupport.ms(BenchSupport.percentile(round, 50)));
        m.put("roundTripP99Ms", BenchSupport.ms(BenchSupport.percentile(round, 99)));
        return m;
    }

    private static double deliveries(String admin, URI url, int count, int concurrency) throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        AtomicLong firstAt = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        try (FakePeer sink = FakePeer.start().on("/sink", r -> {
            long now = System.nanoTime();
            firstAt.compareAndSet(0, now);
            lastAt.set(now);
            delivered.incrementAndGet();
            return Reply.status(204);
        })) {
            long target = connector(admin, Json.createObjectBuilder().add("name", "Bench sink").add("type", "API")
                    .add("endpoint", sink.uri("").toString()).add("localNetwork", true).add("authType", "NONE").build());
            check(Hub.as(admin, "subscriptions").post(Entity.json(Json.createObjectBuilder()
                    .add("eventType", "BenchEvent").add("connectorId", target).add("path", "/sink").build())), 201);
            System.out.printf("Deliveries alone: %d webhooks to one subscriber%n", count);
            BenchSupport.post(url, count, concurrency, 202,
                    i -> BenchSupport.signedWebhook(SECRET, "deliver-" + i, webhookBody(i, "BenchEvent")));
            BenchSupport.await("every delivery", () -> delivered.get() >= count, Duration.ofMinutes(30));
            return count / ((lastAt.get() - firstAt.get()) / 1e9);
        }
    }

    static String webhookBody(int i, String type) {
        return "{\"type\":\"" + type + "\",\"payload\":{\"id\":\"e-" + (i % 500) + "\",\"n\":" + i
                + ",\"title\":\"benchmark item\",\"items\":[{\"sku\":\"gauze\",\"qty\":2},{\"sku\":\"saline\",\"qty\":1}]}}";
    }

    static long connector(String admin, JsonObject body) {
        Response response = Hub.as(admin, "connectors").post(Entity.json(body));
        if (response.getStatus() != 201) {
            check(response, 201);
        }
        long id = response.readEntity(JsonObject.class).getJsonNumber("id").longValue();
        check(Hub.as(admin, "connectors/" + id + "/status").put(Entity.json("{\"status\":\"ACTIVE\"}")), 200);
        return id;
    }

    static void check(Response response, int status) {
        if (response.getStatus() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + response.getStatus() + ": "
                    + response.readEntity(String.class));
        }
        response.close();
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> figures) {
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        figures.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).forEach((k2, v2) -> System.out.printf("| %s.%s | %s |%n", k, k2, v2));
            } else {
                System.out.printf("| %s | %s |%n", k, v);
            }
        });
    }
}
