package org.hms.hub.console.client;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.audit.AuditVerification;

/** {@code /api/audit} for the console: filtered pages newest first, the chain's verification, exports. */
public record AuditApi(HubClient hub) {

    /** The console's filter; null parts are left out. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, String actor, String action, Long connectorId,
                         String outcome) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);

        Map<String, Object> query() {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("from", from);
            q.put("to", to);
            q.put("actor", actor);
            q.put("action", action);
            q.put("connectorId", connectorId);
            q.put("outcome", outcome);
            return q;
        }
    }

    public AuditPage page(String before, int limit) throws HubException {
        return page(Filter.NONE, before, limit);
    }

    public AuditPage page(Filter filter, String before, int limit) throws HubException {
        Map<String, Object> q = filter.query();
        q.put("before", before);
        q.put("limit", limit);
        return hub.get("api/audit", q, AuditPage.class);
    }

    public AuditVerification verify(OffsetDateTime from, OffsetDateTime to) throws HubException {
        return hub.get("api/audit/verify", HubClient.query("from", from, "to", to), AuditVerification.class);
    }

    /** Streams the filtered trail as CSV into the file; returns its size in bytes. */
    public long exportCsv(Filter filter, Path file) throws HubException {
        Map<String, Object> q = filter.query();
        q.put("format", "csv");
        return hub.download("api/audit/export", q, file);
    }
}
