package org.hms.hub.connector.control.outbound;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.WebhookStyle;

/** Resolved connectors for the tests, one auth type each. */
final class Connectors {

    static final String KEY = "test-api-key-0f3a";
    static final String SECRET = "client-secret-77b1";

    private Connectors() {
    }

    static ResolvedConnector of(ConnectorType type, URI endpoint, AuthType auth) {
        return new ResolvedConnector("t1", 7, 1, "peer", type, endpoint, auth, KEY, null, null, "lab-user",
                "lab-password-9", "static-token-5e", "hub-client", SECRET, null, List.of("orders.read"),
                Map.of("X-Hospital", "north"), 2000, null, WebhookStyle.STANDARD, null);
    }

    static ResolvedConnector with(ResolvedConnector c, String field, Object value) {
        return new ResolvedConnector(c.tenant(), c.id(), c.version(), c.name(), c.type(), c.endpoint(), c.authType(),
                c.apiKey(), field.equals("apiKeyHeader") ? (String) value : c.apiKeyHeader(),
                field.equals("apiKeyQueryParam") ? (String) value : c.apiKeyQueryParam(), c.username(), c.password(),
                c.token(), c.clientId(), c.clientSecret(), field.equals("tokenUrl") ? (URI) value : c.tokenUrl(),
                c.scopes(), c.headers(), field.equals("timeoutMs") ? (Integer) value : c.timeoutMs(),
                field.equals("healthPath") ? (String) value : c.healthPath(),
                field.equals("webhookStyle") ? (WebhookStyle) value : c.webhookStyle(),
                field.equals("webhookSecret") ? (String) value : c.webhookSecret());
    }
}
