package org.hms.hub.audit.control;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** The filter of {@code GET /api/audit} and its exports; every part optional. {@code to} is exclusive. */
public record AuditQuery(OffsetDateTime from, OffsetDateTime to, String actor, String action, String targetType,
                         String targetId, String outcome, String correlationId, Long connectorId) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null, null);

    /** The JPQL condition on entity alias {@code e} (after WHERE) and its parameters. */
    String where(Map<String, Object> params) {
        StringBuilder w = new StringBuilder("1 = 1");
        add(w, params, from, "e.occurredAt >= :from", "from");
        add(w, params, to, "e.occurredAt < :to", "to");
        add(w, params, actor, "e.actor = :actor", "actor");
        add(w, params, action, "e.action = :action", "action");
        add(w, params, targetType, "e.targetType = :targetType", "targetType");
        add(w, params, targetId, "e.targetId = :targetId", "targetId");
        add(w, params, outcome, "e.outcome = :outcome", "outcome");
        add(w, params, correlationId, "e.correlationId = :correlationId", "correlationId");
        add(w, params, connectorId, "e.connectorId = :connectorId", "connectorId");
        return w.toString();
    }

    /**
     * Newest first — by occurrence time, then id — spelled as the columns of the index that serves the filter
     * (tenant and the equality-filtered columns are constant within the result, so the order is the same): the
     * database then reads the index in order from the page's start, time ranges included, instead of sorting every
     * match — for a large tenant the difference between a fraction of a millisecond and seconds per page.
     */
    String order() {
        String time = "e.occurredAt DESC, e.id DESC";
        if (action != null && !action.isBlank()) {
            return "e.tenant DESC, e.action DESC, " + time;
        }
        if (connectorId != null) {
            return "e.tenant DESC, e.connectorId DESC, " + time;
        }
        if (actor != null && !actor.isBlank()) {
            return "e.tenant DESC, e.actor DESC, " + time;
        }
        if (targetType != null && !targetType.isBlank() && targetId != null && !targetId.isBlank()) {
            return "e.tenant DESC, e.targetType DESC, e.targetId DESC, " + time;
        }
        return "e.tenant DESC, " + time;
    }

    Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        where(p);
        return p;
    }

    private static void add(StringBuilder w, Map<String, Object> params, Object value, String condition, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return;
        }
        w.append(" AND ").append(condition);
        params.put(name, value);
    }
}
