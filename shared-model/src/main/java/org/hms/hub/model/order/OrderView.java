package org.hms.hub.model.order;

import java.time.OffsetDateTime;

/**
 * One order across both systems (a row of the cross-reference): the HMS-API id, the HMS-OMS id and ext_code,
 * the last status and version (updated_at) the hub knows of on each side, and the sync state.
 */
public record OrderView(long integrationId, String apiOrderId, String omsOrderId, String extCode, String title,
                        String apiStatus, OffsetDateTime apiUpdatedAt, String omsStatus, OffsetDateTime omsUpdatedAt,
                        OrderSyncState syncState, String lastError, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt) {
}
