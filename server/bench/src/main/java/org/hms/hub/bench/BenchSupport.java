package org.hms.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/** What the harnesses share: ports, PostgreSQL databases, HTTP load, percentiles, process figures. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** One POST to send: its body and headers. */
    record Post(String body, String... headers) {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void recreatePostgres(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            rollBackPrepared(s, name);
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Databases analyzed by {@link #analyzeRegularly}. */
    private static final java.util.Set<String> ANALYZED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Stands in for autovacuum's analyze where PostgreSQL runs with autovacuum off (as on the development and CI
     * machine): every 30 s, while this JVM runs, {@code ANALYZE} of the database — as autovacuum would after each
     * tenth of a table changed. Without it the hub's tables are never analyzed and the figures measure query plans no
     * production database has (docs/operations.md). Does nothing where autovacuum is on.
     */
    static void analyzeRegularly(String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement(); var r = s.executeQuery("SHOW autovacuum")) {
            if (!r.next() || !"off".equals(r.getString(1)) || !ANALYZED.add(database)) {
                return;
            }
        }
        System.out.println("PostgreSQL runs with autovacuum off: the harness analyzes " + database + " every 30 s");
        Thread analyzer = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(30_000);
                    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                            "postgres", ""); Statement s = c.createStatement()) {
                        s.execute("ANALYZE");
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (java.sql.SQLException e) {
                    // the database is being dropped or is not there yet: try again next time
                }
            }
        }, "analyze-" + database);
        analyzer.setDaemon(true);
        analyzer.start();
    }

    /**
     * A hub killed while it ran with an XA datasource leaves two-phase-commit branches prepared in its database; they
     * would keep it from being dropped.
     */
    private static void rollBackPrepared(Statement postgres, String database) throws Exception {
        List<String> gids = new ArrayList<>();
        try (var r = postgres.executeQuery("SELECT gid FROM pg_prepared_xacts WHERE database = '" + database + "'")) {
            while (r.next()) {
                gids.add(r.getString(1));
            }
        }
        if (gids.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
             Statement s = c.createStatement()) {
            for (String gid : gids) {
                try {
                    s.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
                } catch (java.sql.SQLException e) {
                    if (!"42704".equals(e.getSQLState())) { // gone meanwhile: settled by whoever still used it
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Sends {@code count} POSTs from {@code concurrency} threads over one HTTP/1.1 client and returns each call's
     * latency in nanoseconds; any answer other than {@code expected} stops the run.
     */
    static List<Long> post(URI url, int count, int concurrency, int expected, IntFunction<Post> request)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        inParallel(concurrency, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                Post p = request.apply(i);
                HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(p.body()));
                for (int h = 0; h < p.headers().length; h += 2) {
                    b.header(p.headers()[h], p.headers()[h + 1]);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - t0);
                if (response.statusCode() != expected) {
                    throw new IllegalStateException("POST " + url + " #" + i + " answered "
                            + response.statusCode() + ": " + response.body());
                }
            }
            return null;
        });
        return latencies;
    }

    /** Runs {@code threads} copies of the worker at once and waits for all; the first failure fails the call. */
    static void inParallel(int threads, java.util.concurrent.Callable<Void> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Void>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(pool.submit(worker));
        }
        try {
            for (Future<Void> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A Standard Webhooks POST, signed with {@code secret}. */
    static Post signedWebhook(String secret, String id, String body) {
        long ts = Instant.now().getEpochSecond();
        return new Post(body, "webhook-id", id, "webhook-timestamp", Long.toString(ts), "webhook-signature",
                org.hms.hub.testsupport.FakeOrderSystem.sign(secret, id, ts, body));
    }


    static void await(String what, BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The p-th percentile (nearest rank) of the values, sorted here. */
    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    /** Resident set size of a process in MiB (Linux), -1 when unknown. */
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

    /** CPU time (user + system) a process has used, in seconds (Linux, 100 ticks a second), -1 when unknown. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits until the hub has gone quiet: its CPU over the last second no more than {@code idleCores} plus 0.05 of a
     * core (the work a measured phase set off — fan-out, audit trail, deliveries — is then done), or until
     * {@code timeout}.
     */
    static void awaitQuiet(long pid, double idleCores, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double previous = cpuSeconds(pid);
        while (true) {
            Thread.sleep(1000);
            double now = cpuSeconds(pid);
            if (now - previous <= idleCores + 0.05 || System.nanoTime() > deadline) {
                return;
            }
            previous = now;
        }
    }

    /**
     * The hub's CPU milliseconds per item of a phase that began at {@code since} with the hub's CPU at {@code cpu0},
     * read once the hub is quiet again ({@link #awaitQuiet}), less what it uses idle ({@code idleCores}) over that
     * time; two decimals.
     */
    static double cpuMsPerItemUntilQuiet(long pid, double cpu0, long since, double idleCores, int items)
            throws InterruptedException {
        awaitQuiet(pid, idleCores, Duration.ofSeconds(60));
        double cpu = cpuSeconds(pid) - cpu0 - idleCores * (System.nanoTime() - since) / 1e9;
        return Math.round(Math.max(0, cpu) * 1e5 / items) / 100.0;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Fails unless the hub's log shows it on the database the run is about (h2 or postgresql). */
    static void requireDatabase(Path hubLog, String db) throws IOException {
        if (!Files.readString(hubLog).contains("jdbc:" + db + ":")) {
            throw new IllegalStateException("The hub is not running on " + db + "; see " + hubLog);
        }
    }
}
