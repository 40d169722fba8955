package org.hms.hub.connector.control;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hms.hub.connector.entity.Settings;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorRequest;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.Credentials;
import org.hms.hub.model.connector.WebhookStyle;

/**
 * A connector's settings as they would be after a create or update: the stored settings overlaid with the
 * request's non-null fields. {@code has} names the secrets the connector would hold (stored or new).
 */
final class Draft {

    static final int DEFAULT_TIMEOUT = 10_000;
    static final int DEFAULT_RETRIES = 9;
    static final int DEFAULT_BACKOFF = 1_000;

    String name;
    ConnectorType type;
    String provider;
    String description;
    String endpoint;
    boolean localNetwork;
    AuthType authType;
    String apiKeyHeader;
    String apiKeyQueryParam;
    String username;
    String clientId;
    String tokenUrl;
    String scopes;
    Map<String, String> headers = new LinkedHashMap<>();
    int timeoutMs = DEFAULT_TIMEOUT;
    int retryAttempts = DEFAULT_RETRIES;
    int retryBackoffMs = DEFAULT_BACKOFF;
    String healthPath;
    Map<String, Object> config = new LinkedHashMap<>();
    boolean webhookEnabled;
    WebhookStyle webhookStyle;
    String newWebhookSecret;
    final Set<String> has = new HashSet<>();

    static Draft of(Settings s, Map<String, String> headers, Map<String, Object> config) {
        Draft d = new Draft();
        d.name = s.name();
        d.type = s.type();
        d.provider = s.provider();
        d.description = s.description();
        d.endpoint = s.endpoint();
        d.localNetwork = s.localNetwork();
        d.authType = s.authType();
        d.apiKeyHeader = s.apiKeyHeader();
        d.apiKeyQueryParam = s.apiKeyQueryParam();
        d.username = s.username();
        d.clientId = s.clientId();
        d.tokenUrl = s.tokenUrl();
        d.scopes = s.scopes();
        d.headers = new LinkedHashMap<>(headers);
        d.timeoutMs = s.timeoutMs();
        d.retryAttempts = s.retryAttempts();
        d.retryBackoffMs = s.retryBackoffMs();
        d.healthPath = s.healthPath();
        d.config = new LinkedHashMap<>(config);
        d.webhookEnabled = s.webhookEnabled();
        d.webhookStyle = s.webhookStyle();
        mark(d, "apiKey", s.apiKeySecret());
        mark(d, "password", s.passwordSecret());
        mark(d, "token", s.tokenSecret());
        mark(d, "clientSecret", s.clientSecretSecret());
        mark(d, "webhookSecret", s.webhookSecret());
        return d;
    }

    /** Overlays the request; returns the names of the fields it changes. */
    Set<String> apply(ConnectorRequest r) {
        Set<String> changed = new java.util.TreeSet<>();
        if (r.name() != null) { name = r.name().strip(); changed.add("name"); }
        if (r.type() != null) { type = r.type(); changed.add("type"); }
        if (r.provider() != null) { provider = blankToNull(r.provider()); changed.add("provider"); }
        if (r.description() != null) { description = blankToNull(r.description()); changed.add("description"); }
        if (r.endpoint() != null) { endpoint = r.endpoint().strip(); changed.add("endpoint"); }
        if (r.localNetwork() != null) { localNetwork = r.localNetwork(); changed.add("localNetwork"); }
        if (r.authType() != null) { authType = r.authType(); changed.add("authType"); }
        if (r.credentials() != null) { credentials(r.credentials(), changed); }
        if (r.headers() != null) { headers = new LinkedHashMap<>(r.headers()); changed.add("headers"); }
        if (r.timeoutMs() != null) { timeoutMs = r.timeoutMs(); changed.add("timeoutMs"); }
        if (r.retryAttempts() != null) { retryAttempts = r.retryAttempts(); changed.add("retryAttempts"); }
        if (r.retryBackoffMs() != null) { retryBackoffMs = r.retryBackoffMs(); changed.add("retryBackoffMs"); }
        if (r.healthPath() != null) { healthPath = blankToNull(r.healthPath()); changed.add("healthPath"); }
        if (r.config() != null) { config = new LinkedHashMap<>(r.config()); changed.add("config"); }
        if (r.webhook() != null) {
            if (r.webhook().enabled() != null) { webhookEnabled = r.webhook().enabled(); }
            if (r.webhook().style() != null) { webhookStyle = r.webhook().style(); }
            if (r.webhook().secret() != null) { newWebhookSecret = r.webhook().secret(); has.add("webhookSecret"); }
            changed.add("webhook");
        }
        return changed;
    }

    private void credentials(Credentials c, Set<String> changed) {
        if (c.apiKeyHeader() != null) { apiKeyHeader = blankToNull(c.apiKeyHeader()); }
        if (c.apiKeyQueryParam() != null) { apiKeyQueryParam = blankToNull(c.apiKeyQueryParam()); }
        if (c.username() != null) { username = blankToNull(c.username()); }
        if (c.clientId() != null) { clientId = blankToNull(c.clientId()); }
        if (c.tokenUrl() != null) { tokenUrl = blankToNull(c.tokenUrl()); }
        if (c.scopes() != null) { scopes = String.join(" ", c.scopes()); }
        for (String secret : new String[] {"apiKey", "password", "token", "clientSecret"}) {
            if (secretOf(c, secret) != null) {
                has.add(secret);
            }
        }
        changed.add("credentials");
    }

    static String secretOf(Credentials c, String name) {
        return switch (name) {
            case "apiKey" -> emptyToNull(c.apiKey());
            case "password" -> emptyToNull(c.password());
            case "token" -> emptyToNull(c.token());
            case "clientSecret" -> emptyToNull(c.clientSecret());
            default -> null;
        };
    }

    private static void mark(Draft d, String secret, Long id) {
        if (id != null) {
            d.has.add(secret);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
