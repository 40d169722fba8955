package org.hms.hub.connector.control;

import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Settings;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.connector.CredentialsView;
import org.hms.hub.model.connector.WebhookView;
import org.hms.hub.platform.json.Json;

/** Connector entities as the API shows them (secrets as flags), and the JSON columns they keep. */
public final class ConnectorViews {

    private static final Type HEADERS = new LinkedHashMap<String, String>() { }.getClass().getGenericSuperclass();
    private static final Type CONFIG = new LinkedHashMap<String, Object>() { }.getClass().getGenericSuperclass();

    private ConnectorViews() {
    }

    static ConnectorView view(Connector c, String tenant) {
        Settings s = c.settings();
        CredentialsView credentials = new CredentialsView(s.apiKeySecret() != null, s.apiKeyHeader(),
                s.apiKeyQueryParam(), s.username(), s.passwordSecret() != null, s.tokenSecret() != null, s.clientId(),
                s.clientSecretSecret() != null, s.tokenUrl(),
                s.scopes() == null || s.scopes().isBlank() ? List.of() : Arrays.asList(s.scopes().split(" ")));
        String path = "/api/webhooks/" + c.id();
        WebhookView webhook = new WebhookView(s.webhookEnabled(), s.webhookStyle(), s.webhookSecret() != null, path,
                org.hms.hub.platform.config.PublicUrl.configured().map(u -> u + path).orElse(null));
        return new ConnectorView(c.id(), c.tenant() != null ? c.tenant() : tenant, s.name(), s.type(), s.provider(),
                s.description(), s.endpoint(), s.localNetwork(), s.authType(), credentials, headers(s), s.timeoutMs(),
                s.retryAttempts(), s.retryBackoffMs(), s.healthPath(), config(s), webhook, c.status(), c.lastSyncedAt(),
                c.lastError(), c.createdAt(), c.updatedAt(), c.version());
    }

    static Map<String, String> headers(Settings s) {
        return read(s.headersJson(), HEADERS);
    }

    public static Map<String, Object> config(Settings s) {
        return read(s.configJson(), CONFIG);
    }

    static String json(Map<String, ?> map) {
        return Json.JSONB.toJson(map);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> read(String json, Type type) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return (Map<String, T>) Json.JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw new IllegalStateException("A stored connector setting is not valid JSON", e);
        }
    }
}
