package org.hms.hub.console.client;

import org.hms.hub.model.audit.AuditPage;

/** {@code /api/audit} for the console: newest first, a page at a time. */
public record AuditApi(HubClient hub) {

    public AuditPage page(Long before, int limit) throws HubException {
        return hub.get("api/audit", HubClient.query("before", before, "limit", limit), AuditPage.class);
    }
}
