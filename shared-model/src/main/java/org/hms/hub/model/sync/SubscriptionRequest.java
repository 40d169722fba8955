package org.hms.hub.model.sync;

/**
 * {@code POST /api/subscriptions}: deliver events of {@code eventType} to connector {@code connectorId},
 * optionally transformed by mapping {@code mappingId}, as {@code method} (POST, PUT or PATCH; default POST) to the
 * connector's endpoint plus {@code path}. {@code PATCH} of a subscription changes the fields sent.
 */
public record SubscriptionRequest(String eventType, Long connectorId, Long mappingId, String method, String path,
                                  Boolean enabled) {
}
