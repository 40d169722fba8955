package org.hms.hub.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HMS-OMS (Rails) as docs/orders.md describes it: {@code GET /api/v1/orders} (a JSON array; {@code ext_code},
 * {@code updated_since}, {@code page}, {@code per_page}), {@code POST /api/v1/orders} (params wrapped or not;
 * a second order with one ext_code is refused 422 "has already been taken"), {@code GET}/{@code PATCH
 * /api/v1/orders/{id}}, {@code Authorization: Token token="…"}, and after every status change — the hub's included —
 * a webhook {@code order.status_updated}, {@code order.fulfilled} or {@code order.completed}.
 */
public final class FakeHmsOms extends FakeOrderSystem {

    public static final Set<String> STATUSES = Set.of("new", "in_progress", "fulfilled", "completed", "cancelled");
    private static final Pattern ONE = Pattern.compile("/api/v1/orders/([^/]+)");

    private final String token;
    /** Order ids by ext_code (a benchmark's lookups by ext_code must not scan every order). */
    private final Map<String, List<Long>> byExt = new HashMap<>();

    public FakeHmsOms(String apiToken) {
        this(apiToken, 1);
    }

    /** With {@code senders} webhook senders (see {@link FakeOrderSystem}). */
    public FakeHmsOms(String apiToken, int senders) {
        super(501, senders);
        this.token = apiToken;
    }

    @Override
    protected boolean authorized(String authorization) {
        return ("Token token=\"" + token + "\"").equals(authorization);
    }

    /** The orders with this ext_code (more than one would be a duplicate). */
    public synchronized List<JsonObject> byExtCode(String extCode) {
        return byExt.getOrDefault(extCode, List.of()).stream().map(orders::get)
                .filter(o -> o != null && extCode.equals(text(o, "ext_code"))).toList();
    }

    /** Staff move the order on in HMS-OMS; the matching webhook follows. */
    public void setStatus(long id, String status) {
        JsonObject order;
        synchronized (this) {
            order = with(orders.get(id), Map.of("status", Json.createValue(status), "updated_at",
                    Json.createValue(now())));
            orders.put(id, order);
        }
        webhook(type(status), order);
    }

    public void fulfil(long id) {
        setStatus(id, "fulfilled");
    }

    public void complete(long id) {
        setStatus(id, "completed");
    }

    private static String type(String status) {
        return switch (status) {
            case "fulfilled" -> "order.fulfilled";
            case "completed" -> "order.completed";
            default -> "order.status_updated";
        };
    }

    @Override
    protected Answer serve(String method, String path, Map<String, String> q, String body) {
        if (path.equals("/api/v1/orders")) {
            if (method.equals("GET")) {
                return list(q);
            }
            if (method.equals("POST")) {
                return create(body);
            }
            return new Answer(405, "{\"error\":\"method not allowed\"}");
        }
        Matcher m = ONE.matcher(path);
        if (!m.matches()) {
            return new Answer(404, "{\"error\":\"not found\"}");
        }
        long id;
        try {
            id = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return new Answer(404, "{\"error\":\"not found\"}");
        }
        if (order(id) == null) {
            return new Answer(404, "{\"error\":\"Couldn't find Order with 'id'=" + id + "\"}");
        }
        if (method.equals("GET")) {
            return new Answer(200, order(id).toString());
        }
        if (method.equals("PATCH") || method.equals("PUT")) {
            return update(id, unwrap(parse(body)));
        }
        return new Answer(405, "{\"error\":\"method not allowed\"}");
    }

    private static JsonObject unwrap(JsonObject params) {
        return params.containsKey("order") && params.get("order").getValueType() == JsonValue.ValueType.OBJECT
                ? params.getJsonObject("order") : params;
    }

    private Answer create(String body) {
        JsonObject p = unwrap(parse(body));
        String ext = text(p, "ext_code");
        if (ext == null || ext.isBlank()) {
            return new Answer(422, "{\"errors\":{\"ext_code\":[\"can't be blank\"]}}");
        }
        String status = p.containsKey("status") ? p.getString("status") : "new";
        if (!STATUSES.contains(status)) {
            return new Answer(422, "{\"errors\":{\"status\":[\"is not included in the list\"]}}");
        }
        JsonObject order;
        synchronized (this) {
            if (!byExtCode(ext).isEmpty()) {
                return new Answer(422, "{\"errors\":{\"ext_code\":[\"has already been taken\"]}}");
            }
            long id = newId();
            String now = now();
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("ext_code", ext)
                    .add("order_type", p.containsKey("order_type") ? p.get("order_type") : Json.createValue("standard"))
                    .add("user_id", p.containsKey("user_id") ? p.get("user_id") : JsonValue.NULL)
                    .add("status", status)
                    .add("data", p.containsKey("data") ? p.get("data") : JsonValue.EMPTY_JSON_OBJECT)
                    .add("created_at", now).add("updated_at", now);
            order = b.build();
            orders.put(id, order);
            byExt.computeIfAbsent(ext, k -> new java.util.ArrayList<>(1)).add(id);
        }
        clientWrote("POST", order);
        return new Answer(201, order.toString());
    }

    private Answer update(long id, JsonObject p) {
        String status = p.containsKey("status") ? p.getString("status") : null;
        if (status != null && !STATUSES.contains(status)) {
            return new Answer(422, "{\"errors\":{\"status\":[\"is not included in the list\"]}}");
        }
        JsonObject updated;
        boolean statusChanged;
        synchronized (this) {
            JsonObject before = order(id);
            Map<String, JsonValue> changes = new HashMap<>();
            for (String member : new String[] {"status", "data", "user_id"}) {
                if (p.containsKey(member)) {
                    changes.put(member, p.get(member));
                }
            }
            changes.put("updated_at", Json.createValue(now()));
            updated = with(before, changes);
            orders.put(id, updated);
            statusChanged = status != null && !status.equals(before.getString("status"));
        }
        if (statusChanged) {
            webhook(type(status), updated);
        }
        clientWrote("PATCH", updated);
        return new Answer(200, updated.toString());
    }

    private Answer list(Map<String, String> q) {
        String ext = q.get("ext_code");
        OffsetDateTime since = q.containsKey("updated_since") ? OffsetDateTime.parse(q.get("updated_since")) : null;
        int perPage = Integer.parseInt(q.getOrDefault("per_page", "25"));
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        JsonArrayBuilder out = Json.createArrayBuilder();
        (ext != null ? byExtCode(ext) : all()).stream()
                .filter(o -> since == null || !OffsetDateTime.parse(o.getString("updated_at")).isBefore(since))
                .sorted(java.util.Comparator.comparing((JsonObject o) -> o.getString("updated_at"))
                        .thenComparing(o -> o.getJsonNumber("id").longValue()))
                .skip((long) (page - 1) * perPage).limit(perPage).forEach(out::add);
        return new Answer(200, out.build().toString());
    }

    static String text(JsonObject o, String member) {
        JsonValue v = o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }
}
