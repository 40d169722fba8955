package org.hms.hub.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The audit trail at volume (issue #8): builds the hub's schema in its own PostgreSQL database with the hub's
 * migrations, loads {@code -Daudit.entries} (default 10,000,000) entries over a year into four tenants (one holds
 * 70 %) with COPY, and times the filtered page queries the hub runs for {@code GET /api/audit} — the same SQL shape:
 * tenant, the filter, the keyset cursor (occurrence time, id), the index-matching order, 51 rows — from the newest page and from
 * deep pages. Prints p50/p95/p99 per filter and overall, and the load rate; writes them as JSON.
 * <pre>
 * java -Xms256m -Xmx512m -cp "server/bench/target/classes:$(cat server/bench/target/classpath.txt)" \
 *      -Daudit.entries=10000000 org.hms.hub.bench.AuditBenchmark
 * </pre>
 * {@code -Daudit.reuse=true} keeps an already loaded database (only the queries run again).
 */
public final class AuditBenchmark {

    private static final String[] ACTIONS = {"DeliverySucceeded", "WebhookReceived", "OrderSynced", "LoginSucceeded",
        "ConnectorUpdated", "DeliveryDeadLettered", "OrderEchoSuppressed", "LoginFailed", "MappingActivated",
        "OrderReconciled", "SyncJobStarted", "DeadLetterReplayed"};
    /** Rough share of each action in a busy hub (per mille). */
    private static final int[] WEIGHTS = {450, 300, 150, 40, 10, 20, 15, 6, 2, 2, 3, 2};
    private static final String[] TENANTS = {"north", "south", "east", "west"};

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("audit.entries", 10_000_000);
        int samples = Integer.getInteger("audit.samples", 200);
        boolean reuse = Boolean.getBoolean("audit.reuse");
        String db = System.getProperty("audit.db", "hub_audit_bench");
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String url = "jdbc:postgresql://127.0.0.1:5432/" + db;
        try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
            boolean exists;
            try (ResultSet r = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                exists = r.next();
            }
            if (exists && !reuse) {
                c.createStatement().execute("DROP DATABASE " + db);
            }
            if (!exists || !reuse) {
                c.createStatement().execute("CREATE DATABASE " + db);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long count;
            try (ResultSet r = c.createStatement().executeQuery("SELECT to_regclass('aud_entry') IS NOT NULL")) {
                r.next();
                count = r.getBoolean(1) ? countEntries(c) : 0;
            }
            if (!reuse || count == 0) {
                Flyway.configure().dataSource(url, "postgres", "")
                        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
                long start = System.nanoTime();
                load(c, entries);
                long loaded = System.nanoTime();
                c.createStatement().execute("VACUUM ANALYZE aud_entry");
                double seconds = (loaded - start) / 1e9;
                System.out.printf("Loaded %,d entries in %.1f s (%,.0f entries/s, COPY, all indexes in place);"
                        + " VACUUM ANALYZE %.1f s%n", entries, seconds, entries / seconds,
                        (System.nanoTime() - loaded) / 1e9);
                figures.put("loadSeconds", seconds);
                figures.put("loadPerSecond", entries / seconds);
                count = entries;
            }
            figures.put("entries", count);
            try (ResultSet r = c.createStatement().executeQuery("SELECT pg_size_pretty(pg_total_relation_size('aud_entry'))")) {
                r.next();
                figures.put("tableAndIndexes", r.getString(1));
            }
            figures.put("queries", queries(c, samples));
        }
        System.out.println(JsonOut.of(figures));
        java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("audit.out",
                "server/bench/target/audit-benchmark.json"));
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(out, JsonOut.of(figures));
        System.out.println("Written to " + out);
    }

    private static long countEntries(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM aud_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** COPY of generated entries: ids ascending with time, per-tenant positions, a year of history. */
    private static void load(Connection c, int n) throws SQLException, IOException {
        Random random = new Random(42);
        Instant start = Instant.now().minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long spanMicros = 365L * 24 * 3600 * 1_000_000;
        long[] seq = new long[TENANTS.length];
        int[] cumulative = new int[WEIGHTS.length];
        int total = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            total += WEIGHTS[i];
            cumulative[i] = total;
        }
        int sum = total;
        Reader rows = new Reader() {
            private int row;
            private final StringBuilder buffer = new StringBuilder();
            private int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos >= buffer.length()) {
                    buffer.setLength(0);
                    pos = 0;
                    for (int k = 0; k < 1000 && row < n; k++, row++) {
                        int t = random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(3);
                        int w = random.nextInt(sum);
                        int a = 0;
                        while (cumulative[a] <= w) {
                            a++;
                        }
                        String action = ACTIONS[a];
                        boolean user = action.startsWith("Login") || action.startsWith("Connector")
                                || action.startsWith("Mapping") || action.startsWith("DeadLetter");
                        boolean webhook = action.equals("WebhookReceived");
                        int connector = 1 + random.nextInt(50);
                        String actor = user ? "user" + random.nextInt(200) : webhook ? "connector:" + connector : "system";
                        boolean failure = action.equals("LoginFailed") || action.equals("DeliveryDeadLettered")
                                || random.nextInt(100) < 2;
                        Instant at = start.plus((long) ((double) spanMicros * row / n), ChronoUnit.MICROS);
                        String ts = Timestamp.from(at).toInstant().toString();
                        long s = ++seq[t];
                        buffer.append(1000L + row).append('\t').append(UUID.randomUUID()).append('\t').append(TENANTS[t])
                                .append('\t').append(action).append('\t').append(actor).append('\t')
                                .append("corr-").append(row / 3).append('\t').append(ts).append('\t').append(ts)
                                .append('\t').append("{\"attempts\":\"1\",\"entityKey\":\"order-").append(random.nextInt(500_000))
                                .append("\",\"payloadSha256\":\"").append(Long.toHexString(random.nextLong()))
                                .append("\"}").append('\t').append(s).append('\t')
                                .append(user ? "USER" : webhook ? "CONNECTOR" : "SYSTEM").append('\t')
                                .append(user ? "User" : "Order").append('\t').append(user ? actor
                                        : Integer.toString(random.nextInt(500_000))).append('\t')
                                .append(failure ? "failure" : "success").append('\t').append(user ? "\\N"
                                        : Integer.toString(connector)).append('\t')
                                .append(user ? "10.1." + random.nextInt(255) + "." + random.nextInt(255) : "\\N")
                                .append('\t').append(Long.toHexString(random.nextLong())).append('\t')
                                .append(Long.toHexString(random.nextLong())).append('\n');
                    }
                    if (buffer.length() == 0) {
                        return -1;
                    }
                }
                int k = Math.min(len, buffer.length() - pos);
                buffer.getChars(pos, pos + k, cbuf, off);
                pos += k;
                return k;
            }

            @Override
            public void close() {
            }
        };
        ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY aud_entry (id, event_id, tenant_id,"
                + " action, actor, correlation_id, occurred_at, recorded_at, details, seq, actor_type, target_type,"
                + " target_id, outcome, connector_id, source_address, prev_hash, hash) FROM STDIN", rows);
        try (Statement st = c.createStatement()) {
            for (int t = 0; t < TENANTS.length; t++) {
                st.execute("INSERT INTO aud_chain (tenant_id, last_seq, last_hash, anchor_seq, anchor_hash, pruned)"
                        + " VALUES ('" + TENANTS[t] + "', " + seq[t] + ", '" + "0".repeat(64) + "', 0, '"
                        + "0".repeat(64) + "', 0)");
            }
        }
    }

    /** One filter shape: the WHERE after the tenant, the ORDER BY the hub uses with it, and its parameters. */
    private record Shape(String name, String where, String order, ParamSource params) {
    }

    private interface ParamSource {
        Object[] next(Random random, Instant newest);
    }

    private static Map<String, Object> queries(Connection c, int samples) throws SQLException {
        Instant newest;
        long maxId;
        try (ResultSet r = c.createStatement().executeQuery("SELECT MAX(occurred_at), MAX(id) FROM aud_entry")) {
            r.next();
            newest = r.getTimestamp(1).toInstant();
            maxId = r.getLong(2);
        }
        List<Shape> shapes = List.of(
                new Shape("newest", "", "tenant_id DESC, occurred_at DESC, id DESC", (r, n) -> new Object[0]),
                new Shape("action", " AND action = ?", "tenant_id DESC, action DESC, occurred_at DESC, id DESC",
                        (r, n) -> new Object[] {ACTIONS[r.nextInt(ACTIONS.length)]}),
                new Shape("actor", " AND actor = ?", "tenant_id DESC, actor DESC, occurred_at DESC, id DESC",
                        (r, n) -> new Object[] {"user" + r.nextInt(200)}),
                new Shape("connector", " AND connector_id = ?", "tenant_id DESC, connector_id DESC, occurred_at DESC, id DESC",
                        (r, n) -> new Object[] {(long) (1 + r.nextInt(50))}),
                new Shape("target", " AND target_type = ? AND target_id = ?",
                        "tenant_id DESC, target_type DESC, target_id DESC, occurred_at DESC, id DESC",
                        (r, n) -> new Object[] {"Order", Integer.toString(r.nextInt(500_000))}),
                new Shape("outcome=failure", " AND outcome = ?", "tenant_id DESC, occurred_at DESC, id DESC",
                        (r, n) -> new Object[] {"failure"}),
                new Shape("correlation", " AND correlation_id = ?", "tenant_id DESC, occurred_at DESC, id DESC",
                        (r, n) -> new Object[] {"corr-" + r.nextInt(3_000_000)}),
                new Shape("one day", " AND occurred_at >= ? AND occurred_at < ?", "tenant_id DESC, occurred_at DESC, id DESC",
                        (r, n) -> day(r, n, 1)),
                new Shape("action + week", " AND action = ? AND occurred_at >= ? AND occurred_at < ?",
                        "tenant_id DESC, action DESC, occurred_at DESC, id DESC", (r, n) -> {
                            Object[] d = day(r, n, 7);
                            return new Object[] {ACTIONS[r.nextInt(4)], d[0], d[1]};
                        }),
                new Shape("deep page (keyset)", " AND occurred_at <= ? AND (occurred_at < ? OR id < ?)",
                        "tenant_id DESC, occurred_at DESC, id DESC", (r, n) -> {
                            Instant at = n.minus(r.nextInt(365 * 24 * 60), ChronoUnit.MINUTES);
                            return new Object[] {at, at, maxId};
                        }));
        Random random = new Random(7);
        Map<String, Object> out = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        System.out.printf("%-22s %8s %8s %8s %8s%n", "filter (tenant north)", "p50 ms", "p95 ms", "p99 ms", "rows");
        for (Shape s : shapes) {
            String sql = "SELECT id, seq, event_id, tenant_id, action, actor, actor_type, target_type, target_id, outcome,"
                    + " reason, correlation_id, connector_id, source_address, user_agent, occurred_at, recorded_at,"
                    + " details, prev_hash, hash FROM aud_entry WHERE tenant_id = ?" + s.where() + " ORDER BY "
                    + s.order() + " LIMIT 51";
            List<Long> times = new ArrayList<>();
            long rowsSeen = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < samples + 10; i++) {
                    Object[] p = s.params().next(random, newest);
                    ps.setString(1, "north");
                    for (int k = 0; k < p.length; k++) {
                        if (p[k] instanceof Instant t) {
                            ps.setTimestamp(k + 2, Timestamp.from(t));
                        } else {
                            ps.setObject(k + 2, p[k]);
                        }
                    }
                    long t0 = System.nanoTime();
                    int rows = 0;
                    try (ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            rows++;
                        }
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (i >= 10) { // the first ten warm the plan cache and the connection
                        times.add(micros);
                        all.add(micros);
                        rowsSeen += rows;
                    }
                }
            }
            times.sort(null);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("p50Ms", pct(times, 50) / 1000.0);
            f.put("p95Ms", pct(times, 95) / 1000.0);
            f.put("p99Ms", pct(times, 99) / 1000.0);
            f.put("avgRows", rowsSeen / (double) samples);
            out.put(s.name(), f);
            System.out.printf("%-22s %8.1f %8.1f %8.1f %8.1f%n", s.name(), pct(times, 50) / 1000.0,
                    pct(times, 95) / 1000.0, pct(times, 99) / 1000.0, rowsSeen / (double) samples);
        }
        all.sort(null);
        System.out.printf("%-22s %8.1f %8.1f %8.1f%n", "ALL FILTERS", pct(all, 50) / 1000.0, pct(all, 95) / 1000.0,
                pct(all, 99) / 1000.0);
        out.put("allP95Ms", pct(all, 95) / 1000.0);
        return out;
    }

    private static Object[] day(Random r, Instant newest, int days) {
        Instant from = newest.minus(1 + r.nextInt(360), ChronoUnit.DAYS);
        return new Object[] {from, from.plus(days, ChronoUnit.DAYS)};
    }

    private static long pct(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
