package org.hms.hub.connector.control.outbound;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.WebhookStyle;

/**
 * Everything an outbound call to a connector needs, secrets included (revealed from the vault for the call).
 * Lives only for the call; {@link #toString()} never shows a secret.
 *
 * @param version the connector's version: cached OAuth tokens belong to one version of its credentials
 */
public record ResolvedConnector(String tenant, long id, long version, String name, ConnectorType type, URI endpoint,
                                AuthType authType, String apiKey, String apiKeyHeader, String apiKeyQueryParam,
                                String username, String password, String token, String clientId,
                                String clientSecret, URI tokenUrl, List<String> scopes, Map<String, String> headers,
                                int timeoutMs, String healthPath, WebhookStyle webhookStyle, String webhookSecret) {

    public static final String DEFAULT_API_KEY_HEADER = "X-API-Key";

    @Override
    public String toString() {
        return "ResolvedConnector[" + tenant + "/" + id + " " + name + " " + type + " " + authType + " "
                + endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "")
                + "]";
    }

    /** The same connector at another endpoint (where something was made before its endpoint changed). */
    public ResolvedConnector withEndpoint(URI other) {
        return new ResolvedConnector(tenant, id, version, name, type, other, authType, apiKey, apiKeyHeader,
                apiKeyQueryParam, username, password, token, clientId, clientSecret, tokenUrl, scopes, headers, timeoutMs,
                healthPath, webhookStyle, webhookSecret);
    }

    /** Which credential a refusal (401) most likely concerns, in words for a diagnosis. */
    public String suspectCredential() {
        return switch (authType) {
            case API_KEY -> "the API key";
            case OAUTH -> "the client id and secret (or the token's scopes)";
            case BASIC_AUTH -> "the password of user '" + username + "'";
            case TOKEN -> "the bearer token";
            case NONE -> "the connector's auth type: the system wants credentials but none are configured";
        };
    }
}
