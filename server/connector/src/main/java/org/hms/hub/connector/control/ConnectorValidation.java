package org.hms.hub.connector.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.WebhookStyle;
import org.hms.hub.platform.problem.InvalidFields;

/** The rules a connector's settings must meet; every broken rule becomes a field-level message. */
final class ConnectorValidation {

    static final int MIN_TIMEOUT = 100;
    static final int MAX_TIMEOUT = 300_000;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "connection",
            "transfer-encoding", "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-connection");

    private ConnectorValidation() {
    }

    /** Checks a connector as it would be after the change; {@code secrets} says which secrets it would hold. */
    static void check(Draft d) {
        InvalidFields errors = new InvalidFields();
        errors.check(d.name != null && !d.name.isBlank() && d.name.length() <= 120, "name",
                "A name of 1 to 120 characters is required.");
        errors.check(d.type != null, "type", "A type is required: one of " + java.util.Arrays.toString(ConnectorType.values()) + ".");
        errors.check(d.authType != null, "authType", "An auth type is required: one of "
                + java.util.Arrays.toString(AuthType.values()) + ".");
        errors.check(d.provider == null || d.provider.length() <= 120, "provider", "At most 120 characters.");
        errors.check(d.description == null || d.description.length() <= 1000, "description", "At most 1000 characters.");
        endpoint(d, errors);
        credentials(d, errors);
        headers(d.headers, errors);
        errors.check(d.timeoutMs >= MIN_TIMEOUT && d.timeoutMs <= MAX_TIMEOUT, "timeoutMs",
                "The timeout must be between 100 ms and 300000 ms (5 min).");
        errors.check(d.retryAttempts >= 0 && d.retryAttempts <= 20, "retryAttempts", "Between 0 and 20 retries.");
        errors.check(d.retryBackoffMs >= 100 && d.retryBackoffMs <= 600_000, "retryBackoffMs",
                "The first retry delay must be between 100 ms and 600000 ms (10 min).");
        errors.check(d.healthPath == null || (d.healthPath.startsWith("/") && d.healthPath.length() <= 500
                && !d.healthPath.contains("://")), "healthPath", "A health path starts with '/', e.g. /health.");
        webhook(d, errors);
        try {
            org.hms.hub.connector.control.polling.PollConfig.of(d.type, d.config);
        } catch (IllegalArgumentException e) {
            errors.add("config.polling", e.getMessage());
        }
        try {
            org.hms.hub.connector.control.registration.SubscriptionConfig.of(d.type, d.config);
        } catch (IllegalArgumentException e) {
            errors.add("config.subscription", e.getMessage());
        }
        try {
            org.hms.hub.connector.control.queue.QueueTrigger.of(d.config);
        } catch (IllegalArgumentException e) {
            errors.add("config.queue", e.getMessage());
        }
        errors.throwIfAny();
    }

    private static void endpoint(Draft d, InvalidFields errors) {
        if (d.endpoint == null || d.endpoint.isBlank()) {
            errors.add("endpoint", "An endpoint is required.");
            return;
        }
        URI uri;
        try {
            uri = new URI(d.endpoint);
        } catch (URISyntaxException e) {
            errors.add("endpoint", "Not a valid URL: " + e.getReason() + ".");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (d.type == ConnectorType.HL7) {
            errors.check(Set.of("mllp", "tcp").contains(scheme) && uri.getHost() != null && uri.getPort() > 0,
                    "endpoint", "An HL7 endpoint is mllp://host:port (or tcp://host:port).");
            return;
        }
        if (uri.getHost() == null || !Set.of("http", "https").contains(scheme)) {
            errors.add("endpoint", "An endpoint is an absolute http(s) URL with a host, e.g. https://lab.example.org/api.");
        } else if (scheme.equals("http") && !d.localNetwork) {
            errors.add("endpoint", "Use https://, or mark the connector as on the hospital's local network"
                    + " (localNetwork) to allow http://.");
        }
        errors.check(uri.getUserInfo() == null, "endpoint",
                "Put no credentials in the URL; use the connector's credentials instead.");
    }

    private static void credentials(Draft d, InvalidFields errors) {
        if (d.authType == null) {
            return;
        }
        switch (d.authType) {
            case API_KEY -> {
                errors.check(d.has.contains("apiKey"), "credentials.apiKey", "An API key is required for API_KEY.");
                errors.check(d.apiKeyHeader == null || d.apiKeyQueryParam == null, "credentials.apiKeyQueryParam",
                        "Send the key either as a header or as a query parameter, not both.");
                errors.check(d.apiKeyHeader == null || HEADER_NAME.matcher(d.apiKeyHeader).matches(),
                        "credentials.apiKeyHeader", "Not a valid header name.");
                errors.check(d.apiKeyQueryParam == null || d.apiKeyQueryParam.matches("[A-Za-z0-9_.-]{1,100}"),
                        "credentials.apiKeyQueryParam", "A query parameter name of letters, digits, '_', '.' or '-'.");
                errors.check(d.apiKeyQueryParam == null || d.type != ConnectorType.FHIR, "credentials.apiKeyQueryParam",
                        "FHIR connectors send the API key as a header (the FHIR client builds its own URLs).");
            }
            case OAUTH -> {
                errors.check(d.clientId != null && !d.clientId.isBlank(), "credentials.clientId",
                        "A client id is required for OAUTH.");
                errors.check(d.has.contains("clientSecret"), "credentials.clientSecret",
                        "A client secret is required for OAUTH.");
                tokenUrl(d, errors);
            }
            case BASIC_AUTH -> {
                errors.check(d.username != null && !d.username.isBlank() && !d.username.contains(":"),
                        "credentials.username", "A user name (without ':') is required for BASIC_AUTH.");
                errors.check(d.has.contains("password"), "credentials.password", "A password is required for BASIC_AUTH.");
            }
            case TOKEN -> errors.check(d.has.contains("token"), "credentials.token", "A token is required for TOKEN.");
            case NONE -> { }
            default -> { }
        }
    }

    private static void tokenUrl(Draft d, InvalidFields errors) {
        try {
            URI uri = d.tokenUrl == null ? null : new URI(d.tokenUrl);
            boolean ok = uri != null && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || (d.localNetwork && "http".equalsIgnoreCase(uri.getScheme())));
            errors.check(ok, "credentials.tokenUrl", "A token URL (https://, or http:// on the local network) is required for OAUTH.");
        } catch (URISyntaxException e) {
            errors.add("credentials.tokenUrl", "Not a valid URL: " + e.getReason() + ".");
        }
    }

    private static void headers(Map<String, String> headers, InvalidFields errors) {
        if (headers.size() > 50) {
            errors.add("headers", "At most 50 custom headers.");
        }
        headers.forEach((name, value) -> {
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                errors.add("headers." + name, "Not a valid header name (letters, digits and !#$%&'*+.^_`|~-).");
            } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add("headers." + name, "The hub sets this header itself.");
            } else if (name.equalsIgnoreCase("Authorization")) {
                errors.add("headers." + name, "Use the auth type and credentials instead of an Authorization header.");
            }
            if (value == null || value.length() > 2000 || value.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0)) {
                errors.add("headers." + name, "A header value of at most 2000 characters without line breaks.");
            }
        });
    }

    private static void webhook(Draft d, InvalidFields errors) {
        if (!d.webhookEnabled) {
            return;
        }
        errors.check(d.webhookStyle != null, "webhook.style", "Say how the system signs its webhooks: "
                + java.util.Arrays.toString(WebhookStyle.values()) + ".");
        errors.check(d.has.contains("webhookSecret") || d.webhookStyle == WebhookStyle.FHIR, "webhook.secret",
                "A signing secret is required for webhooks.");
        if (d.webhookStyle == WebhookStyle.STANDARD && d.newWebhookSecret != null) {
            errors.check(isStandardSecret(d.newWebhookSecret), "webhook.secret",
                    "A Standard Webhooks secret is 'whsec_' followed by base64 of 24 to 64 bytes.");
        }
    }

    static boolean isStandardSecret(String secret) {
        if (!secret.startsWith("whsec_")) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(6)).length;
            return length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
