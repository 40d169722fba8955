package org.hms.hub.model.order;

import java.time.OffsetDateTime;

/** One HMS-API user and the HMS-OMS user who stands for them. */
public record UserMapping(String apiUserId, String omsUserId, OffsetDateTime updatedAt, String updatedBy) {
}
