package org.hms.hub.connector.control.polling;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.connector.ConnectorType;

/**
 * How a connector is polled, from its config's {@code polling} object:
 * <pre>
 * FHIR: {"polling": {"intervalSeconds": 60, "resourceTypes": ["Patient", "Appointment"], "pageSize": 100}}
 * REST: {"polling": {"cron": "*&#47;5 * * * *", "path": "/api/v1/orders", "sinceParam": "updated_since",
 *                    "cursorParam": "cursor", "itemsPointer": "/data", "nextCursorPointer": "/next_cursor",
 *                    "idPointer": "/id", "updatedPointer": "/updated_at", "pageSize": 100, "pageSizeParam": "limit"}}
 * </pre>
 * Either an interval (at least 5 s) or a cron expression. FHIR pulls {@code [base]/[type]?_lastUpdated=ge…
 * &_sort=_lastUpdated} and follows the Bundle's {@code next} links. Pure.
 */
public record PollConfig(boolean fhir, Duration interval, Cron cron, List<String> resourceTypes, int pageSize,
                         String path, String sinceParam, String cursorParam, String itemsPointer,
                         String nextCursorPointer, String idPointer, String updatedPointer, String pageSizeParam) {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    /** The connector's polling, or null when it is not polled. Throws with a readable message when malformed. */
    @SuppressWarnings("unchecked")
    public static PollConfig of(ConnectorType type, Map<String, Object> config) {
        if (config == null || !(config.get("polling") instanceof Map<?, ?> raw)) {
            return null;
        }
        Map<String, Object> p = (Map<String, Object>) raw;
        if (Boolean.FALSE.equals(p.get("enabled"))) {
            return null;
        }
        Duration interval = null;
        Cron cron = null;
        if (p.get("cron") instanceof String c) {
            cron = Cron.parse(c);
        } else {
            long seconds = p.get("intervalSeconds") instanceof Number n ? n.longValue() : 60;
            interval = Duration.ofSeconds(seconds);
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("polling.intervalSeconds must be at least " + MIN_INTERVAL.toSeconds()
                        + ".");
            }
        }
        int pageSize = p.get("pageSize") instanceof Number n ? n.intValue() : 100;
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("polling.pageSize must be 1 to 1000.");
        }
        boolean fhir = type == ConnectorType.FHIR;
        List<String> types = p.get("resourceTypes") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        if (fhir && types.isEmpty()) {
            throw new IllegalArgumentException("polling.resourceTypes names the FHIR resource types to pull, e.g. "
                    + "[\"Patient\"].");
        }
        for (String t : types) {
            if (!t.matches("[A-Z][A-Za-z]{1,63}")) {
                throw new IllegalArgumentException("'" + t + "' is not a FHIR resource type.");
            }
        }
        return new PollConfig(fhir, interval, cron, types, pageSize, text(p, "path", ""), text(p, "sinceParam", null),
                text(p, "cursorParam", null), text(p, "itemsPointer", null), text(p, "nextCursorPointer", null),
                text(p, "idPointer", "/id"), text(p, "updatedPointer", "/updated_at"), text(p, "pageSizeParam", null));
    }

    private static String text(Map<String, Object> p, String key, String fallback) {
        return p.get(key) instanceof String s && !s.isBlank() ? s : fallback;
    }

    public ZonedDateTime next(ZonedDateTime after) {
        return cron != null ? cron.next(after) : after.plus(interval);
    }
}
