package org.hms.hub.model.order;

/** Body of {@code PUT /api/order-integrations/{id}/users/{apiUserId}}. */
public record UserMappingRequest(String omsUserId) {
}
