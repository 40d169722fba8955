package org.hms.hub.model.connector;

import java.util.Map;

/**
 * {@code POST /api/connectors} (all required fields) and {@code PATCH /api/connectors/{id}} (only the fields to
 * change; {@code null} keeps a field as it is).
 *
 * @param localNetwork   true allows {@code http://} (a system on the hospital's own network); otherwise the
 *                       endpoint must be {@code https://}
 * @param timeoutMs      per request, 100 ms to 5 min (default 10 s)
 * @param retryAttempts  0 to 20 (default 9: ten attempts in all)
 * @param retryBackoffMs first retry delay, doubling, 100 ms to 10 min (default 1 s)
 * @param healthPath     the path a connection test calls for REST-like types (default: the endpoint itself)
 * @param config         free-form JSON settings of the connector
 */
public record ConnectorRequest(String name, ConnectorType type, String provider, String description, String endpoint,
                               Boolean localNetwork, AuthType authType, Credentials credentials,
                               Map<String, String> headers, Integer timeoutMs, Integer retryAttempts,
                               Integer retryBackoffMs, String healthPath, Map<String, Object> config,
                               WebhookSettings webhook) {
}
