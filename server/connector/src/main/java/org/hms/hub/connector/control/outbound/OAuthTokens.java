package org.hms.hub.connector.control.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * OAuth 2.0 client-credentials tokens of connectors, cached until shortly before they expire (30 s, or a tenth
 * of their life if shorter). The client authenticates with HTTP basic (RFC 6749 §2.3.1). A cached token belongs
 * to one version of the connector, so changed credentials fetch a new one.
 */
@ApplicationScoped
public class OAuthTokens {

    private static final Logger LOG = Logger.getLogger(OAuthTokens.class.getName());

    private record Cached(String token, Instant refreshAt) {
    }

    /** A token request's outcome: the token, and how long fetching it took. */
    public record Fetched(String accessToken, long latencyNanos, boolean fromCache) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Fetched token(ResolvedConnector c) throws OutboundException {
        Cached cached = cache.get(key(c));
        if (cached != null && Instant.now().isBefore(cached.refreshAt())) {
            return new Fetched(cached.token(), 0, true);
        }
        return fetch(c);
    }

    /** Forgets the cached token (the peer refused it), so that the next call fetches a new one. */
    public void invalidate(ResolvedConnector c) {
        cache.remove(key(c));
    }

    private Fetched fetch(ResolvedConnector c) throws OutboundException {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (c.scopes() != null && !c.scopes().isEmpty()) {
            form.append("&scope=").append(URLEncoder.encode(String.join(" ", c.scopes()), StandardCharsets.UTF_8));
        }
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(c.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(c.clientSecret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(c.tokenUrl())
                .timeout(Duration.ofMillis(c.timeoutMs()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = HttpClients.forTimeout(c.timeoutMs()).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OutboundException("Token endpoint: " + Diagnosis.of(e, c.tokenUrl(), c.timeoutMs()),
                    System.nanoTime() - start, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundException("Interrupted while fetching a token", System.nanoTime() - start, e);
        }
        long latency = System.nanoTime() - start;
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new OutboundException("The token endpoint refused the client credentials (HTTP " + response.statusCode()
                    + errorOf(response.body()) + "): check the client id and client secret, and the scopes.", latency, null);
        }
        if (response.statusCode() != 200) {
            throw new OutboundException("The token endpoint answered HTTP " + response.statusCode() + ".", latency, null);
        }
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(response.body()))) {
            JsonObject json = reader.readObject();
            String token = json.getString("access_token");
            long expiresIn = json.containsKey("expires_in") ? json.getJsonNumber("expires_in").longValue() : 300;
            long margin = Math.min(30, Math.max(1, expiresIn / 10));
            cache.put(key(c), new Cached(token, Instant.now().plusSeconds(Math.max(0, expiresIn - margin))));
            LOG.fine(() -> "Fetched an OAuth token for connector " + c.id() + ", valid " + expiresIn + " s");
            return new Fetched(token, latency, false);
        } catch (RuntimeException e) {
            throw new OutboundException("The token endpoint's answer holds no access_token.", latency, e);
        }
    }

    private static String errorOf(String body) {
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            return json.get("error") instanceof JsonString error ? ", error " + error.getString() : "";
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String key(ResolvedConnector c) {
        return c.tenant() + "/" + c.id() + "/" + c.version();
    }
}
