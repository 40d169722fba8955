package org.hms.hub.model.audit;

import java.util.List;

/**
 * A page of audit entries, newest first.
 *
 * @param items   the entries of this page
 * @param next    the value to pass as {@code before} for the next (older) page; {@code null} on the last page
 */
public record AuditPage(List<AuditEntryView> items, Long next) {
}
