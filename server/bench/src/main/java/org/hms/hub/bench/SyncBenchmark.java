package org.hms.hub.bench;

import jakarta.json.Json;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
        System.setProperty("it.http.port", Integer.toString(freePort()));
        System.setProperty("it.hub.broker.port", Integer.toString(freePort()));
        System.setProperty("it.admin.password", ADMIN_PASSWORD);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<String> properties = new ArrayList<>();
        if (db.equals("postgresql")) {
            recreatePostgres("hub_bench");
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
            await(() -> delivered.get() >= warmUp * subscribers, Duration.ofMinutes(10));

            delivered.set(0);
            firstDelivery.set(0);
            System.out.printf("Measuring: %d webhooks, %d concurrent senders%n", webhooks, concurrency);
            long start = System.nanoTime();
            List<Long> latencies = send(url, "run", webhooks, concurrency);
            long intakeNanos = System.nanoTime() - start;
            await(() -> delivered.get() >= webhooks * subscribers, Duration.ofMinutes(60));
            long deliveryNanos = lastDelivery.get() - firstDelivery.get();
            long endToEndNanos = lastDelivery.get() - start;

            Collections.sort(latencies);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("database", db);
            figures.put("webhooks", webhooks);
            figures.put("subscribers", subscribers);
            figures.put("deliveries", webhooks * subscribers);
            figures.put("concurrency", concurrency);
            figures.put("webhookIntakePerSecond", round(webhooks / (intakeNanos / 1e9)));
            figures.put("webhookLatencyP50Ms", round(percentile(latencies, 50) / 1e6));
            figures.put("webhookLatencyP95Ms", round(percentile(latencies, 95) / 1e6));
            figures.put("webhookLatencyP99Ms", round(percentile(latencies, 99) / 1e6));
            figures.put("deliveriesPerSecond", round((double) webhooks * subscribers / (deliveryNanos / 1e9)));
            figures.put("endToEndMsPerWebhook", round(endToEndNanos / 1e6 / webhooks));
            figures.put("endToEndSeconds", round(endToEndNanos / 1e9));
            figures.put("hubRssMiB", rssMiB(hub.pid()));
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
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    String id = prefix + "-" + i;
                    String body = "{\"type\":\"BenchEvent\",\"payload\":{\"id\":\"e-" + (i % 500) + "\",\"n\":" + i
                            + ",\"title\":\"benchmark item\"}}";
                    long ts = Instant.now().getEpochSecond();
                    HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                            .header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                            .header("webhook-signature", sign(id, ts, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("Webhook " + id + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static String sign(String id, long ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + ts + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
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

    private static void await(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not done within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void recreatePostgres(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
    }
}
