package org.hms.hub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.LaunchedHub;

/**
 * How the cost of an order grows with the number of orders the hub has handled: one hub (launched as
 * {@link OrderBenchmark} launches it, on PostgreSQL or H2) takes {@code bench.orders} orders end to end through the
 * contract fakes in chunks of {@code bench.chunk}, each chunk placed at once and worked through before the next.
 * Per chunk it prints the orders handled so far, the chunk's sustained orders/s, the hub's CPU per order, its RSS
 * and the size of the database and of the broker's journal; the table goes to
 * {@code server/bench/target/order-scaling.json} as well. Not a test: it asserts nothing but that every order
 * goes round.
 * <p>
 * Properties: {@code bench.db} (postgresql · h2), {@code bench.orders} (10000), {@code bench.chunk} (1000),
 * {@code bench.senders} (16), {@code bench.out}.
 */
public final class OrderScaling {

    private OrderScaling() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "postgresql");
        int orders = Integer.getInteger("bench.orders", 10_000);
        int chunk = Integer.getInteger("bench.chunk", 1000);
        int senders = Integer.getInteger("bench.senders", 16);
        Path work = Path.of("server/bench/target/order-scaling");
        BenchSupport.deleteTree(work);
        OrderBenchmark.configureHub();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        try (LaunchedHub hub = LaunchedHub.start(work.resolve("hub"), OrderBenchmark.ADMIN_PASSWORD,
                OrderBenchmark.hubProperties(db))) {
            BenchSupport.requireDatabase(hub.log(), db);
            System.out.printf("Hub started (%s, pid %d); %d orders in chunks of %d%n", db, hub.pid(), orders, chunk);
            String admin = Hub.adminToken();
            try (OrderFlow flow = new OrderFlow(admin, "scaling", senders)) {
                int warm = Math.min(200, chunk);
                long base = settledAuditEntries(); // the set-up's
                for (int i = 0; i < warm; i++) {
                    flow.place(i);
                }
                OrderBenchmark.awaitOrders(flow, warm, Duration.ofMinutes(10));
                // the audit entries of the warm-up orders once the trail has caught up with them: entries per order
                long warmEntries = settledAuditEntries();
                double perOrder = (warmEntries - base) / (double) warm;
                int next = warm;
                for (int handled = 0; handled < orders; handled += chunk) {
                    int count = Math.min(chunk, orders - handled);
                    flow.done.set(0);
                    double cpu0 = BenchSupport.cpuSeconds(hub.pid());
                    long first = System.nanoTime();
                    for (int i = 0; i < count; i++) {
                        flow.place(next++);
                    }
                    OrderBenchmark.awaitOrders(flow, count, Duration.ofMinutes(60));
                    double seconds = (flow.lastDone.get() - first) / 1e9;
                    double cpu = BenchSupport.cpuSeconds(hub.pid()) - cpu0;
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ordersHandled", warm + handled + count);
                    row.put("ordersPerSecond", BenchSupport.round(count / seconds));
                    row.put("hubCpuMsPerOrder", BenchSupport.round(cpu * 1000 / count));
                    row.put("hubRssMiB", BenchSupport.rssMiB(hub.pid()));
                    row.put("databaseMiB", databaseMiB(db, work));
                    row.put("journalMiB", BenchSupport.round(sizeOf(work.resolve("hub").resolve("artemis"), "") / 1048576.0));
                    row.put("auditEntries", auditEntries());
                    rows.add(row);
                    System.out.println("  " + row);
                }
                // the audit trail is written behind the orders (one chain per tenant): how far behind it is, and how
                // fast it catches up once the orders stop (watched for bench.auditWaitMinutes at most)
                long target = warmEntries + Math.round(perOrder * orders);
                long at = auditEntries();
                long watchFrom = System.nanoTime();
                long deadline = watchFrom + Duration.ofMinutes(Integer.getInteger("bench.auditWaitMinutes", 5)).toNanos();
                long entries = at;
                while (entries < target && System.nanoTime() < deadline) {
                    Thread.sleep(5_000);
                    entries = auditEntries();
                }
                double watched = (System.nanoTime() - watchFrom) / 1e9;
                Map<String, Object> audit = new LinkedHashMap<>();
                audit.put("entriesPerOrder", BenchSupport.round(perOrder));
                audit.put("expectedEntries", target);
                audit.put("entriesWhenOrdersDone", at);
                audit.put("entriesAfterWatch", entries);
                audit.put("watchedSeconds", BenchSupport.round(watched));
                audit.put("catchUpEntriesPerSecond", BenchSupport.round((entries - at) / watched));
                audit.put("caughtUp", entries >= target);
                figures.put("audit", audit);
                System.out.println("Audit trail: " + audit);
            }
        }
        figures.put("database", db);
        figures.put("chunk", chunk);
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("measuredAt", Instant.now().toString());
        figures.put("chunks", rows);
        System.out.println();
        System.out.println("| orders handled | orders/s | hub CPU ms/order | hub RSS MiB | database MiB | journal MiB"
                + " | audit entries |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map<String, Object> r : rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.get("ordersHandled"), r.get("ordersPerSecond"),
                    r.get("hubCpuMsPerOrder"), r.get("hubRssMiB"), r.get("databaseMiB"), r.get("journalMiB"),
                    r.get("auditEntries"));
        }
        Path out = Path.of(System.getProperty("bench.out", "server/bench/target/order-scaling.json"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, JsonOut.of(figures));
        System.out.println("\nWritten to " + out);
        System.exit(0); // the fakes' and the HTTP clients' threads would keep the JVM alive
    }

    /** The audit entries once no new one has come for 5 s. */
    private static long settledAuditEntries() throws InterruptedException {
        long last = -1;
        for (long now = auditEntries(); now != last; now = auditEntries()) {
            last = now;
            Thread.sleep(5_000);
        }
        return last;
    }

    private static String token;

    /**
     * How many audit entries the admin's tenant has: the length of its hash chain, as verifying it counts. Logs in
     * again only when the token has expired (each login is an audit entry of its own).
     */
    private static long auditEntries() {
        for (int attempt = 0; ; attempt++) {
            if (token == null) {
                token = Hub.adminToken();
            }
            jakarta.ws.rs.core.Response r = Hub.api("audit/verify").request().header("Authorization", "Bearer " + token)
                    .get();
            if (r.getStatus() == 401 && attempt == 0) {
                r.close();
                token = null;
                continue;
            }
            return r.readEntity(jakarta.json.JsonObject.class).getJsonNumber("checked").longValue();
        }
    }

    /** The hub's database: PostgreSQL's own figure, or H2's files under the hub's data directory. */
    private static double databaseMiB(String db, Path work) throws Exception {
        if (db.equals("postgresql")) {
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/hub_bench", "postgres", "");
                 var rs = c.createStatement().executeQuery("SELECT pg_database_size('hub_bench')")) {
                rs.next();
                return BenchSupport.round(rs.getLong(1) / 1048576.0);
            }
        }
        return BenchSupport.round(sizeOf(work.resolve("hub"), ".mv.db") / 1048576.0);
    }

    /** Bytes in the regular files under {@code dir} whose names end with {@code suffix}. */
    private static long sizeOf(Path dir, String suffix) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
