package org.hms.hub.model.order;

import java.time.OffsetDateTime;

/** An order integration as the API shows it; {@code version} is its ETag. */
public record OrderIntegrationView(long id, String name, long apiConnectorId, long omsConnectorId,
                                   Long apiToOmsMappingId, Long omsToApiMappingId, int reconcileHours,
                                   IntegrationState state, String stateReason, OffsetDateTime stateChangedAt,
                                   OffsetDateTime lastReconciledAt, OffsetDateTime createdAt, long version) {
}
