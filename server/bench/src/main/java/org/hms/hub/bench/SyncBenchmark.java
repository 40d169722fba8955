package org.hms.hub.bench;

import jakarta.json.Json;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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
 * The sync engine's throughput on this machine, measured through the real path: signed Standard Webhooks into
 * the launched hub (README configuration: embedded broker; H2, or PostgreSQL with {@code -Dbench.db=postgresql}),
 * fan-out to one subscribed connector, deliveries to an HTTP peer on 127.0.0.1 that answers at once. Prints
 * webhook intake per second (202s, with call latency percentiles) and deliveries per second (first to last
 * delivery arriving at the peer), the hub's RSS, and writes them as JSON. Not a test: it asserts nothing.
 * <p>
 * Properties: {@code bench.webhooks} (default 5000), {@code bench.concurrency} (16), {@code bench.db} (h2),
 * {@code bench.subscribers} (1: connectors subscribed to the event, each delivered every webhook — the fan-out width),
 * {@code bench.launcher.jar} (server/launcher/target/hms-hub.jar), {@code bench.out}
 * (server/bench/target/sync-benchmark.json).
 */
public final class SyncBenchmark {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "sync-benchmark-webhook-secret-32b".getBytes(StandardCharsets.UTF_8));
    private static final String ADMIN_PASSWORD = "Bench-Admin-Passw0rd-" + Long.toHexString(System.nanoTime());

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int webhooks = Integer.getInteger("bench.webhooks", 5000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        String db = System.getProperty("bench.db", "h2");
        System.setProperty("it.launcher.jar", System.getProperty("bench.launcher.jar",
                "server/launcher/target/hms-hub.jar"));
        System.setProperty("it.http.port", Integer.toString(BenchSupport.freePort()));
        System.setProperty("it.hub.broker.port", Integer.toString(BenchSupport.freePort()));
        System.setProperty("it.admin.password", ADMIN_PASSWORD);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<String> properties = new ArrayList<>();
        if (db.equals("postgresql")) {
            BenchSupport.recreatePostgres("hub_bench");
            // the launcher's own database options (system properties would be overridden by its defaults)
            System.setProperty("it.hub.db.url", "jdbc:postgresql://127.0.0.1:5432/hub_bench");
        }

        AtomicInteger delivered = new AtomicInteger();
        AtomicLong firstDelivery = new AtomicLong();
        AtomicLong lastDelivery = new AtomicLong();
        try (FakePeer sink = FakePeer.start().on("/sink", r -> {
            long now = System.nanoTime();
            firstDelivery.compareAndSet(0, now);
            lastDelivery.set(now);
            delivered.incrementAndGet();
            return Reply.status(204);
        }); LaunchedHub hub = LaunchedHub.start(Path.of("server/bench/target/bench-hub"), ADMIN_PASSWORD,
                properties.toArray(String[]::new))) {
            BenchSupport.requireDatabase(hub.log(), db);
            System.out.printf("Hub started (%s, pid %d)%n", db, hub.pid());
            String admin = Hub.adminToken();
            long source = create(admin, Json.createObjectBuilder().add("name", "Bench source").add("type", "API")
                    .add("endpoint", "http://127.0.0.1:9/").add("localNetwork", true).add("authType", "NONE")
                    .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                            .add("secret", SECRET)).build());
            int subscribers = Integer.getInteger("bench.subscribers", 1);
            List<Long> targets = new ArrayList<>();
            for (int k = 0; k < subscribers; k++) {
                long target = create(admin, Json.createObjectBuilder().add("name", "Bench sink " + k).add("type", "API")
                        .add("endpoint", sink.uri("").toString()).add("localNetwork", true).add("authType", "NONE")
                        .build());
                check(Hub.as(admin, "subscriptions").post(Entity.json(Json.createObjectBuilder()
                        .add("eventType", "BenchEvent").add("connectorId", target).add("path", "/sink").build())), 201);
                targets.add(target);
            }
            check(Hub.as(admin, "connectors/" + source + "/status").put(Entity.json("{\"status\":\"ACTIVE\"}")), 200);
            for (long target : targets) {
                check(Hub.as(admin, "connectors/" + target + "/status").put(Entity.json("{\"status\":\"ACTIVE\"}")),
                        200);
            }

            URI url = hub.base().resolve("/api/webhooks/" + source);
            int warmUp = Math.min(500, webhooks / 5);
            System.out.printf("Warm-up: %d webhooks%n", warmUp);
            send(url, "warm", warmUp, concurrency);
            BenchSupport.await("the warm-up deliveries", () -> delivered.get() >= warmUp * subscribers,
                    Duration.ofMinutes(10));

            delivered.set(0);
            firstDelivery.set(0);
            System.out.printf("Measuring: %d webhooks, %d concurrent senders%n", webhooks, concurrency);
            long start = System.nanoTime();
            List<Long> latencies = send(url, "run", webhooks, concurrency);
            long intakeNanos = System.nanoTime() - start;
            BenchSupport.await("every delivery", () -> delivered.get() >= webhooks * subscribers,
                    Duration.ofMinutes(60));
            long deliveryNanos = lastDelivery.get() - firstDelivery.get();
            long endToEndNanos = lastDelivery.get() - start;

            Collections.sort(latencies);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("database", db);
            figures.put("webhooks", webhooks);
            figures.put("subscribers", subscribers);
            figures.put("deliveries", webhooks * subscribers);
            figures.put("concurrency", concurrency);
            figures.put("webhookIntakePerSecond", BenchSupport.round(webhooks / (intakeNanos / 1e9)));
            figures.put("webhookLatencyP50Ms", BenchSupport.ms(BenchSupport.percentile(latencies, 50)));
            figures.put("webhookLatencyP95Ms", BenchSupport.ms(BenchSupport.percentile(latencies, 95)));
            figures.put("webhookLatencyP99Ms", BenchSupport.ms(BenchSupport.percentile(latencies, 99)));
            if (subscribers > 0) {
                // with no subscriber (intake alone) nothing is delivered: no delivery or end-to-end figure
                figures.put("deliveriesPerSecond", BenchSupport.round((double) webhooks * subscribers / (deliveryNanos / 1e9)));
                figures.put("endToEndMsPerWebhook", BenchSupport.round(endToEndNanos / 1e6 / webhooks));
                figures.put("endToEndSeconds", BenchSupport.round(endToEndNanos / 1e9));
            }
            figures.put("hubRssMiB", BenchSupport.rssMiB(hub.pid()));
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            figures.put("measuredAt", Instant.now().toString());

            System.out.println();
            System.out.println("| figure | value |");
            System.out.println("|---|---|");
            figures.forEach((k, v) -> System.out.printf("| %s | %s |%n", k, v));
            Path out = Path.of(System.getProperty("bench.out", "server/bench/target/sync-benchmark.json"));
            Files.createDirectories(out.getParent());
            Files.writeString(out, org.hms.hub.bench.JsonOut.of(figures));
            System.out.println("\nWritten to " + out);
        }
        System.exit(0); // the HTTP client's and the peer's threads would keep the JVM alive
    }

    private static List<Long> send(URI url, String prefix, int count, int concurrency) throws Exception {
        return BenchSupport.post(url, count, concurrency, 202, i -> BenchSupport.signedWebhook(SECRET, prefix + "-" + i,
                "{\"type\":\"BenchEvent\",\"payload\":{\"id\":\"e-" + (i % 500) + "\",\"n\":" + i
                        + ",\"title\":\"benchmark item\"}}"));
    }

    private static long create(String admin, jakarta.json.JsonObject connector) {
        Response response = Hub.as(admin, "connectors").post(Entity.json(connector));
        check(response, 201);
        return response.readEntity(jakarta.json.JsonObject.class).getJsonNumber("id").longValue();
    }

    private static void check(Response response, int status) {
        if (response.getStatus() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + response.getStatus() + ": "
                    + response.readEntity(String.class));
        }
    }
}
