package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.order.ReconcileReport;
import org.hms.hub.model.order.ReconcileRequest;
import org.hms.hub.order.entity.OrderIntegration;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.sync.Outbox;

/**
 * Reconciliation — seed 000's data-recovery plan. Pages through both systems for the orders changed in a time
 * window (no transaction is open while it reads), matches them by ext_code, and reports orders missing in
 * HMS-OMS, status mismatches and orphans. Repairs what is safe, each in its own transaction through the normal
 * delivery path: a missing OMS order is created (looked up by ext_code first, so never twice), and a mismatch
 * gets the newer side's status where the status model allows it. Orphans are only reported.
 */
@ApplicationScoped
public class Reconciler {

    static final int PAGE_SIZE = 100;
    /** A bound on the pages read per system and run (100,000 orders). */
    static final int MAX_PAGES = 1_000;

    @Inject
    Outbox outbox;

    @Inject
    OrderIntegrations integrations;

    @Inject
    OrderRepairs repairs;

    public List<ReconcileReport> reconcile(ReconcileRequest request, String actor) {
        ReconcileRequest r = request == null ? new ReconcileRequest(null, null, null, null) : request;
        if (r.from() != null && r.to() != null && !r.from().isBefore(r.to())) {
            throw new InvalidFields().add("from", "from must be before to.").failed();
        }
        List<OrderIntegration> targets = r.integrationId() != null ? List.of(integrations.find(r.integrationId()))
                : integrations.all();
        List<ReconcileReport> reports = new ArrayList<>();
        for (OrderIntegration i : targets) {
            OffsetDateTime to = r.to() != null ? r.to() : OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime from = r.from() != null ? r.from() : to.minusHours(i.reconcileHours());
            reports.add(run(i, from, to, r.repair() == null || r.repair(), actor));
        }
        return reports;
    }

    ReconcileReport run(OrderIntegration i, OffsetDateTime from, OffsetDateTime to, boolean repair, String actor) {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> errors = new ArrayList<>();
        Map<String, JsonObject> api = new LinkedHashMap<>();
        Map<String, JsonObject> oms = new LinkedHashMap<>();
        int apiRead = readApi(i, from, to, api, errors);
        int omsRead = readOms(i, from, to, oms, errors);
        List<ReconcileReport.Finding> missing = new ArrayList<>();
        List<ReconcileReport.Finding> mismatches = new ArrayList<>();
        List<ReconcileReport.Finding> orphans = new ArrayList<>();
        int repaired = 0;
        if (errors.isEmpty()) {
            // Counterparts changed outside the window are looked up one by one.
            for (String id : List.copyOf(api.keySet())) {
                if (!oms.containsKey(id)) {
                    JsonObject found = omsByExtCode(i, id, errors);
                    if (found != null) {
                        oms.put(id, found);
                    }
                }
            }
            for (String ext : List.copyOf(oms.keySet())) {
                if (!api.containsKey(ext)) {
                    JsonObject found = apiById(i, ext, errors);
                    if (found != null) {
                        api.put(ext, found);
                    }
                }
            }
        }
        if (errors.isEmpty()) {
            for (Map.Entry<String, JsonObject> e : api.entrySet()) {
                JsonObject a = e.getValue();
                JsonObject o = oms.get(e.getKey());
                String apiStatus = OrderJson.text(a, "status");
                if (o == null) {
                    String action = repair ? repairs.recreate(i.id(), a) : "reported";
                    repaired += action.startsWith("re-created") ? 1 : 0;
                    missing.add(new ReconcileReport.Finding(e.getKey(), null, apiStatus, null, action));
                    continue;
                }
                String omsStatus = OrderJson.text(o, "status");
                String expected = repairs.omsStatusOf(i.id(), a);
                if (expected != null && !expected.equals(omsStatus)) {
                    String action = repair ? repairs.reapply(i.id(), a, o) : "reported";
                    repaired += action.startsWith("applied") ? 1 : 0;
                    mismatches.add(new ReconcileReport.Finding(e.getKey(), OrderJson.text(o, "id"), apiStatus,
                            omsStatus, action));
                }
            }
            for (Map.Entry<String, JsonObject> e : oms.entrySet()) {
                if (!api.containsKey(e.getKey())) {
                    orphans.add(new ReconcileReport.Finding(e.getKey(), OrderJson.text(e.getValue(), "id"), null,
                            OrderJson.text(e.getValue(), "status"), "reported; not touched"));
                }
            }
        }
        return repairs.record(i.id(), from, to, repair, started, actor, apiRead, omsRead, missing, mismatches,
                orphans, repaired, errors);
    }

    /** HMS-API: {@code GET /api/order?updated_since&page&per_page} → Laravel's paginator {@code {data, last_page}}. */
    private int readApi(OrderIntegration i, OffsetDateTime from, OffsetDateTime to, Map<String, JsonObject> into,
                        List<String> errors) {
        int read = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonValue body;
            try {
                body = OrderJson.parse(outbox.fetch(i.apiConnectorId(), OrderSync.API_ORDERS + "?updated_since="
                        + OrderSync.enc(from.toString()) + "&page=" + page + "&per_page=" + PAGE_SIZE));
            } catch (Outbox.FetchException | RuntimeException e) {
                errors.add("HMS-API could not be read (page " + page + "): " + e.getMessage());
                return read;
            }
            JsonObject o = body.asJsonObject();
            JsonArray data = o.getJsonArray("data");
            for (JsonValue v : data) {
                JsonObject order = v.asJsonObject();
                read++;
                OffsetDateTime updated = OrderJson.time(order, "updated_at");
                if (updated == null || updated.isBefore(to)) {
                    into.put(OrderJson.text(order, "id"), order);
                }
            }
            int last = o.containsKey("last_page") ? o.getInt("last_page") : page;
            if (data.isEmpty() || page >= last) {
                return read;
            }
        }
        errors.add("HMS-API lists more than " + MAX_PAGES * PAGE_SIZE + " orders in the window; narrow it.");
        return read;
    }

    /** HMS-OMS: {@code GET /api/v1/orders?updated_since&page&per_page} → a JSON array, shorter at the end. */
    private int readOms(OrderIntegration i, OffsetDateTime from, OffsetDateTime to, Map<String, JsonObject> into,
                        List<String> errors) {
        int read = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonArray data;
            try {
                data = OrderJson.parse(outbox.fetch(i.omsConnectorId(), OrderSync.OMS_ORDERS + "?updated_since="
                        + OrderSync.enc(from.toString()) + "&page=" + page + "&per_page=" + PAGE_SIZE)).asJsonArray();
            } catch (Outbox.FetchException | RuntimeException e) {
                errors.add("HMS-OMS could not be read (page " + page + "): " + e.getMessage());
                return read;
            }
            for (JsonValue v : data) {
                JsonObject order = v.asJsonObject();
                read++;
                OffsetDateTime updated = OrderJson.time(order, "updated_at");
                String ext = OrderJson.text(order, "ext_code");
                if (ext != null && (updated == null || updated.isBefore(to))) {
                    into.put(ext, order);
                }
            }
            if (data.size() < PAGE_SIZE) {
                return read;
            }
        }
        errors.add("HMS-OMS lists more than " + MAX_PAGES * PAGE_SIZE + " orders in the window; narrow it.");
        return read;
    }

    private JsonObject omsByExtCode(OrderIntegration i, String ext, List<String> errors) {
        try {
            JsonArray found = OrderJson.parse(outbox.fetch(i.omsConnectorId(), OrderSync.OMS_ORDERS + "?ext_code="
                    + OrderSync.enc(ext))).asJsonArray();
            return found.isEmpty() ? null : found.getJsonObject(0);
        } catch (Outbox.FetchException | RuntimeException e) {
            errors.add("HMS-OMS order with ext_code " + ext + " could not be looked up: " + e.getMessage());
            return null;
        }
    }

    private JsonObject apiById(OrderIntegration i, String id, List<String> errors) {
        try {
            return OrderJson.order(OrderJson.parse(outbox.fetch(i.apiConnectorId(), OrderSync.API_ORDERS + "/"
                    + OrderSync.enc(id))));
        } catch (Outbox.FetchException e) {
            if (e.status() != null && e.status() == 404) {
                return null;
            }
            errors.add("HMS-API order " + id + " could not be read: " + e.getMessage());
            return null;
        } catch (RuntimeException e) {
            errors.add("HMS-API order " + id + " could not be read: " + e.getMessage());
            return null;
        }
    }
}
