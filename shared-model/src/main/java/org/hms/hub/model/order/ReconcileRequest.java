package org.hms.hub.model.order;

import java.time.OffsetDateTime;

/**
 * Reconciles one integration (or, without {@code integrationId}, every one of the tenant's) over orders changed
 * in [from, to): default the integration's look-back window up to now. {@code repair} false only reports.
 */
public record ReconcileRequest(Long integrationId, OffsetDateTime from, OffsetDateTime to, Boolean repair) {
}
