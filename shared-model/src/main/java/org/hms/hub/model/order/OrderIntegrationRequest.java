package org.hms.hub.model.order;

/**
 * Creates or changes an order integration: the HMS-API connector and the HMS-OMS connector it keeps in step.
 * The mappings are optional: without them the built-in templates {@code order-api-to-oms} and
 * {@code order-oms-to-api} apply (their value maps translate the statuses).
 *
 * @param reconcileHours how far back the scheduled reconciliation looks (default 24)
 */
public record OrderIntegrationRequest(String name, Long apiConnectorId, Long omsConnectorId, Long apiToOmsMappingId,
                                      Long omsToApiMappingId, Integer reconcileHours) {
}
