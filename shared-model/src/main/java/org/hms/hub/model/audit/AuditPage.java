package org.hms.hub.model.audit;

import java.util.List;

/**
 * A page of audit entries, newest first (by the time they occurred, then by id).
 *
 * @param items   the entries of this page
 * @param next    the cursor to pass as {@code before} for the next (older) page ({@code <epoch microseconds>.<id>} of
 *                the page's last entry); {@code null} on the last page
 */
public record AuditPage(List<AuditEntryView> items, String next) {
}
