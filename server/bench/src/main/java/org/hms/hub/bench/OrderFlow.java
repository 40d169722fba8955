package org.hms.hub.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hms.hub.testsupport.FakeHmsApi;
import org.hms.hub.testsupport.FakeHmsOms;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.OrderFixture;

/**
 * Seed 000's two order systems wired to a running hub for the benchmarks, with every order's way through it
 * timed: a user places the order in HMS-API (its signed {@code order.created} webhook goes to the hub), the hub
 * creates it in HMS-OMS, where staff fulfil it at once ({@code order.fulfilled} to the hub), and the hub sets it
 * fulfilled in HMS-API. The fakes are the order ITs' contract fakes, with several webhook senders each (one order's
 * webhooks always in order) and no request log.
 */
final class OrderFlow implements AutoCloseable {

    /** When each step of one order happened ({@link System#nanoTime}), 0 until it has. */
    static final class Times {
        volatile long created;
        volatile long apiWebhookAccepted;
        volatile long omsCreated;
        volatile long omsWebhookAccepted;
        volatile long apiFulfilled;
    }

    final FakeHmsApi api;
    final FakeHmsOms oms;
    final long integration;
    final long apiConnector;
    final long omsConnector;
    private final String admin;
    final Map<Long, Times> times = new ConcurrentHashMap<>();
    final AtomicInteger done = new AtomicInteger();
    final AtomicLong lastDone = new AtomicLong();
    private final ExecutorService staff = Executors.newFixedThreadPool(2);
    private volatile boolean fulfil = true;

    OrderFlow(String admin, String suffix, int senders) {
        api = new FakeHmsApi(OrderFixture.API_JWT, senders);
        oms = new FakeHmsOms(OrderFixture.OMS_TOKEN, senders);
        api.recordRequests(false);
        oms.recordRequests(false);
        api.onWebhookAccepted((w, at) -> {
            if (w.type().equals("order.created")) {
                times(data(w.body()).getJsonNumber("id").longValue()).apiWebhookAccepted = at;
            }
        });
        oms.onClientWrite((method, order) -> {
            if (method.equals("POST")) {
                times(Long.parseLong(order.getString("ext_code"))).omsCreated = System.nanoTime();
                long omsId = order.getJsonNumber("id").longValue();
                if (fulfil) {
                    staff.submit(() -> oms.fulfil(omsId));
                }
            }
        });
        oms.onWebhookAccepted((w, at) -> {
            if (w.type().equals("order.fulfilled")) {
                times(Long.parseLong(data(w.body()).getString("ext_code"))).omsWebhookAccepted = at;
            }
        });
        api.onClientWrite((method, order) -> {
            if ("fulfilled".equals(order.getString("status"))) {
                Times t = times(order.getJsonNumber("id").longValue());
                if (t.apiFulfilled == 0) {
                    long now = System.nanoTime();
                    t.apiFulfilled = now;
                    lastDone.accumulateAndGet(now, Math::max);
                    done.incrementAndGet();
                }
            }
        });
        this.admin = admin;
        apiConnector = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "HMS-API " + suffix)
                .add("type", "API").add("endpoint", api.baseUrl()).add("localNetwork", true).add("authType", "TOKEN")
                .add("credentials", Json.createObjectBuilder().add("token", OrderFixture.API_JWT))
                .add("timeoutMs", 10_000).add("retryBackoffMs", 500).add("retryAttempts", 20)
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", OrderFixture.API_WEBHOOK_SECRET)).build());
        omsConnector = Hub.createConnector(admin, Json.createObjectBuilder().add("name", "HMS-OMS " + suffix)
                .add("type", "API").add("endpoint", oms.baseUrl()).add("localNetwork", true).add("authType", "API_KEY")
                .add("credentials", Json.createObjectBuilder().add("apiKey", "Token token=\"" + OrderFixture.OMS_TOKEN
                        + "\"").add("apiKeyHeader", "Authorization")).add("timeoutMs", 10_000)
                .add("retryBackoffMs", 500).add("retryAttempts", 20)
                .add("webhook", Json.createObjectBuilder().add("enabled", true).add("style", "STANDARD")
                        .add("secret", OrderFixture.OMS_WEBHOOK_SECRET)).build());
        Hub.activateConnector(admin, apiConnector);
        Hub.activateConnector(admin, omsConnector);
        api.sendWebhooksTo(OrderFixture.webhookUrl(apiConnector), OrderFixture.API_WEBHOOK_SECRET);
        oms.sendWebhooksTo(OrderFixture.webhookUrl(omsConnector), OrderFixture.OMS_WEBHOOK_SECRET);
        Response r = Hub.as(admin, "order-integrations").post(Entity.json(Json.createObjectBuilder()
                .add("name", "Orders " + suffix).add("apiConnectorId", apiConnector).add("omsConnectorId", omsConnector)
                .build()));
        if (r.getStatus() != 201) {
            throw new IllegalStateException("Order integration not created: HTTP " + r.getStatus() + " "
                    + r.readEntity(String.class));
        }
        integration = r.readEntity(JsonObject.class).getJsonNumber("id").longValue();
        for (int u = 0; u < 10; u++) {
            Response m = Hub.as(admin, "order-integrations/" + integration + "/users/u-" + u)
                    .put(Entity.json(Json.createObjectBuilder().add("omsUserId", "oms-u-" + u).build()));
            if (m.getStatus() != 200) {
                throw new IllegalStateException("User not mapped: HTTP " + m.getStatus());
            }
            m.close();
        }
    }

    /** A user places an order in HMS-API; returns its id. */
    long place(int n) {
        long at = System.nanoTime();
        long id = api.createOrder("Benchmark order " + n, "u-" + (n % 10), FakeHmsApi.items("gauze", "saline"));
        times(id).created = at;
        return id;
    }

    Times times(long apiId) {
        return times.computeIfAbsent(apiId, k -> new Times());
    }

    /** Webhook accepted by the hub → HMS-OMS created it, per order of {@code ids} (ns). */
    List<Long> apiToOms(List<Long> ids) {
        return between(ids, t -> t.apiWebhookAccepted, t -> t.omsCreated);
    }

    /** HMS-OMS webhook accepted by the hub → HMS-API updated, per order (ns). */
    List<Long> omsToApi(List<Long> ids) {
        return between(ids, t -> t.omsWebhookAccepted, t -> t.apiFulfilled);
    }

    /** Placed in HMS-API → fulfilled in HMS-API (the whole round trip through both systems), per order (ns). */
    List<Long> roundTrip(List<Long> ids) {
        return between(ids, t -> t.created, t -> t.apiFulfilled);
    }

    /** The time from one step to a later one, for each order of {@code ids} that has reached both. */
    private List<Long> between(List<Long> ids, java.util.function.ToLongFunction<Times> from,
                               java.util.function.ToLongFunction<Times> to) {
        List<Long> out = new ArrayList<>();
        for (long id : ids) {
            Times t = times.get(id);
            if (t != null && from.applyAsLong(t) > 0 && to.applyAsLong(t) > 0) {
                out.add(Math.max(0, to.applyAsLong(t) - from.applyAsLong(t)));
            }
        }
        return out;
    }

    /**
     * What is wrong with these orders after everything drained: missing from or duplicated in HMS-OMS, statuses
     * that do not agree; empty when nothing is.
     */
    List<String> problems(List<Long> ids) {
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> disagreeing = new ArrayList<>();
        long accounted = 0;
        for (long id : ids) {
            List<JsonObject> inOms = oms.byExtCode(Long.toString(id));
            accounted += inOms.size();
            if (inOms.isEmpty()) {
                missing.add(Long.toString(id));
            } else if (inOms.size() > 1) {
                duplicated.add(id + " (OMS " + inOms.stream().map(o -> o.get("id").toString()).toList() + ")");
            } else {
                String apiStatus = api.status(id);
                String omsStatus = inOms.get(0).getString("status");
                if (!"fulfilled".equals(apiStatus) || !"fulfilled".equals(omsStatus)) {
                    disagreeing.add(id + " (API " + apiStatus + ", OMS " + omsStatus + ")");
                }
            }
        }
        long others = oms.size() - accounted;
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " orders lost (not in HMS-OMS): " + missing);
        }
        if (!duplicated.isEmpty()) {
            problems.add(duplicated.size() + " orders duplicated in HMS-OMS: " + duplicated);
        }
        if (!disagreeing.isEmpty()) {
            problems.add(disagreeing.size() + " orders whose final statuses disagree: " + disagreeing);
        }
        if (others > 0) {
            problems.add(others + " HMS-OMS orders that are no order of this run");
        }
        return problems;
    }

    /**
     * The orders whose audit trail lacks an entry it must hold: for each way (to HMS-OMS: connector HMS-OMS; back to
     * HMS-API: connector HMS-API) the call's {@code DeliverySucceeded} (its entity key is the order's HMS-API id)
     * and the order's {@code OrderSynced}; read from the trail's CSV export. Empty when every order has all four.
     * The trail is written behind the orders, so this waits up to {@code wait} for it.
     */
    List<String> auditProblems(List<Long> ids, java.time.Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<String> problems = new ArrayList<>();
            for (String action : List.of("DeliverySucceeded", "OrderSynced")) {
                Map<String, java.util.Set<Long>> ways = audited(action);
                List<String> missing = new ArrayList<>();
                for (long id : ids) {
                    java.util.Set<Long> found = ways.getOrDefault(Long.toString(id), java.util.Set.of());
                    if (!found.contains(omsConnector) || !found.contains(apiConnector)) {
                        missing.add(id + (found.contains(omsConnector) ? " (to HMS-API)"
                                : found.contains(apiConnector) ? " (to HMS-OMS)" : " (both ways)"));
                    }
                }
                System.out.printf("  audit trail: %d orders with %s both ways, %d without%n", ids.size()
                        - missing.size(), action, missing.size());
                if (!missing.isEmpty()) {
                    problems.add(missing.size() + " orders whose audit trail lacks " + action + ": " + missing);
                }
            }
            if (problems.isEmpty() || System.nanoTime() > deadline) {
                return problems;
            }
            Thread.sleep(5_000);
        }
    }

    /** The entries of {@code action}, by order (target id, or for a delivery its entity key): their connectors. */
    private Map<String, java.util.Set<Long>> audited(String action) {
        String csv = Hub.api("audit/export").queryParam("action", action).request("text/csv")
                .header("Authorization", Hub.bearer(admin)).get(String.class);
        Map<String, java.util.Set<Long>> ways = new java.util.HashMap<>();
        java.util.regex.Pattern entityKey = java.util.regex.Pattern.compile("\"entityKey\"\\s*:\\s*\"([^\"]*)\"");
        List<String> header = null;
        for (String line : csv.split("\r?\n")) {
            List<String> row = csvRow(line);
            if (header == null) {
                header = row;
                continue;
            }
            if (row.size() != header.size() || row.get(header.indexOf("connector_id")).isEmpty()) {
                continue;
            }
            String order = row.get(header.indexOf("target_id"));
            if (action.equals("DeliverySucceeded")) {
                java.util.regex.Matcher m = entityKey.matcher(row.get(header.indexOf("details")));
                order = m.find() ? m.group(1) : null;
            }
            if (order != null) {
                ways.computeIfAbsent(order, k -> new java.util.HashSet<>())
                        .add(Long.parseLong(row.get(header.indexOf("connector_id"))));
            }
        }
        return ways;
    }

    /** One line of RFC 4180 CSV (fields quoted with doubled quotes inside; no line breaks in a field). */
    static List<String> csvRow(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static JsonObject data(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonObject("data");
        }
    }

    @Override
    public void close() {
        fulfil = false;
        staff.shutdownNow();
        api.close();
        oms.close();
    }
}
