package org.hms.hub.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HMS-API's order module (Laravel) as docs/orders.md describes it: {@code GET /api/order} (Laravel's paginator,
 * {@code updated_since}, {@code page}, {@code per_page}), {@code GET /api/order/{id}} and
 * {@code PATCH /api/order/{id}} (API resources wrapped in {@code data}), a JWT bearer token, and webhooks
 * {@code order.created} / {@code order.updated} after every change — those the hub makes included.
 */
public final class FakeHmsApi extends FakeOrderSystem {

    public static final Set<String> STATUSES = Set.of("pending", "processing", "fulfilled", "completed", "cancelled");
    private static final Pattern ONE = Pattern.compile("/api/order/([^/]+)");

    private final String token;

    public FakeHmsApi(String jwt) {
        this(jwt, 1);
    }

    /** With {@code senders} webhook senders (see {@link FakeOrderSystem}). */
    public FakeHmsApi(String jwt, int senders) {
        super(1001, senders);
        this.token = jwt;
    }

    @Override
    protected boolean authorized(String authorization) {
        return ("Bearer " + token).equals(authorization);
    }

    /** A user places an order: stored as pending, then {@code order.created}. Returns its id. */
    public long createOrder(String title, String userId, JsonArray items) {
        long id;
        JsonObject order;
        synchronized (this) {
            id = newId();
            String now = now();
            order = Json.createObjectBuilder().add("id", id).add("title", title).add("user_id", userId)
                    .add("items", items).add("status", "pending").add("created_at", now).add("updated_at", now).build();
            orders.put(id, order);
        }
        webhook("order.created", order);
        return id;
    }

    /** A user changes the status in HMS-API: {@code order.updated}. */
    public void setStatus(long id, String status) {
        JsonObject order;
        synchronized (this) {
            order = with(orders.get(id), Map.of("status", Json.createValue(status), "updated_at",
                    Json.createValue(now())));
            orders.put(id, order);
        }
        webhook("order.updated", order);
    }

    /** A user edits the title: {@code order.updated}. */
    public void setTitle(long id, String title) {
        JsonObject order;
        synchronized (this) {
            order = with(orders.get(id), Map.of("title", Json.createValue(title), "updated_at",
                    Json.createValue(now())));
            orders.put(id, order);
        }
        webhook("order.updated", order);
    }

    public String status(long id) {
        JsonObject o = order(id);
        return o == null ? null : o.getString("status");
    }

    @Override
    protected Answer serve(String method, String path, Map<String, String> q, String body) {
        if (method.equals("GET") && path.equals("/api/order")) {
            return list(q);
        }
        Matcher m = ONE.matcher(path);
        if (!m.matches()) {
            return new Answer(404, "{\"message\":\"Not Found\"}");
        }
        long id;
        try {
            id = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return new Answer(404, "{\"message\":\"Not Found\"}");
        }
        JsonObject order = order(id);
        if (order == null) {
            return new Answer(404, "{\"message\":\"No query results for model [Order] " + id + "\"}");
        }
        if (method.equals("GET")) {
            return new Answer(200, Json.createObjectBuilder().add("data", order).build().toString());
        }
        if (method.equals("PATCH") || method.equals("PUT")) {
            JsonObject change = parse(body);
            String status = change.containsKey("status") ? change.getString("status") : null;
            if (status != null && !STATUSES.contains(status)) {
                return new Answer(422, "{\"message\":\"The selected status is invalid.\",\"errors\":{\"status\":"
                        + "[\"The selected status is invalid.\"]}}");
            }
            JsonObject updated;
            synchronized (this) {
                updated = with(orders.get(id), status == null ? Map.of("updated_at", Json.createValue(now()))
                        : Map.of("status", Json.createValue(status), "updated_at", Json.createValue(now())));
                orders.put(id, updated);
            }
            webhook("order.updated", updated);
            clientWrote(method, updated);
            return new Answer(200, Json.createObjectBuilder().add("data", updated).build().toString());
        }
        return new Answer(405, "{\"message\":\"Method Not Allowed\"}");
    }

    private Answer list(Map<String, String> q) {
        OffsetDateTime since = q.containsKey("updated_since") ? OffsetDateTime.parse(q.get("updated_since")) : null;
        int perPage = Integer.parseInt(q.getOrDefault("per_page", "15"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        List<JsonObject> matching = all().stream().filter(o -> since == null
                || !OffsetDateTime.parse(o.getString("updated_at")).isBefore(since))
                .sorted(java.util.Comparator.comparing((JsonObject o) -> o.getString("updated_at"))
                        .thenComparing(o -> o.getJsonNumber("id").longValue())).toList();
        int last = Math.max(1, (matching.size() + perPage - 1) / perPage);
        JsonArrayBuilder data = Json.createArrayBuilder();
        matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(data::add);
        return new Answer(200, Json.createObjectBuilder().add("data", data).add("current_page", page)
                .add("last_page", last).add("per_page", perPage).add("total", matching.size()).build().toString());
    }

    /** A typical item list. */
    public static JsonArray items(String... names) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        int n = 1;
        for (String name : names) {
            b.add(Json.createObjectBuilder().add("sku", "SKU-" + n).add("name", name).add("quantity", n++));
        }
        return b.build();
    }

    static JsonValue value(String s) {
        return Json.createValue(s);
    }
}
