package org.hms.hub.console.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.hms.hub.model.auth.RefreshRequest;
import org.hms.hub.model.auth.TokenRequest;
import org.hms.hub.model.auth.TokenResponse;
import org.hms.hub.model.problem.Problem;

/**
 * The console's only way to the hub: its REST API over HTTP(S), JSON through JSON-B, the bearer token refreshed
 * silently before it expires (or once when the hub refuses it). No Swing here; every method blocks, so callers run
 * it off the event thread.
 */
public class HubClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(false));

    private final URI base;
    private final HttpClient http;
    private volatile Session session;

    public HubClient(URI base) {
        // HTTP/1.1: over plain http the JDK client would otherwise ask to upgrade to h2c, which Payara answers with 404
        this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    }

    HubClient(URI base, HttpClient http) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.http = http;
    }

    /** The server address a user typed, checked: an absolute http(s) URL. */
    public static URI serverAddress(String typed) throws HubException {
        try {
            URI uri = URI.create(typed.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new HubException(HubException.Kind.INVALID, "The server address must be an http:// or https:// URL,"
                    + " e.g. http://127.0.0.1:8080.", null, e);
        }
    }

    public URI base() {
        return base;
    }

    public Session session() {
        return session;
    }

    public Session login(String username, String password) throws HubException {
        TokenResponse tokens = send("POST", "api/auth/token", Map.of(), new TokenRequest(username, password),
                TokenResponse.class, false, null);
        session = sessionOf(username, tokens);
        return session;
    }

    public void logout() {
        session = null;
    }

    public <T> T get(String path, Map<String, ?> query, Type type) throws HubException {
        return send("GET", path, query, null, type, true, null);
    }

    /** GET that also returns the ETag version. */
    public <T> Versioned<T> getVersioned(String path, Type type) throws HubException {
        long[] version = new long[1];
        T value = send("GET", path, Map.of(), null, type, true, version);
        return new Versioned<>(value, version[0]);
    }

    public <T> T post(String path, Object body, Type type) throws HubException {
        return send("POST", path, Map.of(), body, type, true, null);
    }

    public <T> T put(String path, Object body, Type type) throws HubException {
        return send("PUT", path, Map.of(), body, type, true, null);
    }

    public <T> T patch(String path, long version, Object body, Type type) throws HubException {
        return send("PATCH", path, Map.of("If-Match", "\"" + version + "\""), body, type, true, null);
    }

    /** PUT with {@code If-Match} of the version last read. */
    public <T> T putVersioned(String path, long version, Object body, Type type) throws HubException {
        return send("PUT", path, Map.of("If-Match", "\"" + version + "\""), body, type, true, null);
    }

    public void delete(String path) throws HubException {
        send("DELETE", path, Map.of(), null, Void.class, true, null);
    }

    @SuppressWarnings("unchecked")
    private <T> T send(String method, String path, Map<String, ?> queryOrHeaders, Object body, Type type,
                       boolean authenticated, long[] version) throws HubException {
        boolean isQuery = "GET".equals(method);
        HttpResponse<String> response = exchange(method, path, queryOrHeaders, isQuery, body, authenticated);
        if (response.statusCode() == 401 && authenticated && session != null) {
            refresh();
            response = exchange(method, path, queryOrHeaders, isQuery, body, true);
        }
        if (response.statusCode() >= 400) {
            throw failure(response);
        }
        if (version != null) {
            version[0] = response.headers().firstValue("ETag").map(e -> Long.parseLong(e.replace("W/", "")
                    .replace("\"", ""))).orElse(-1L);
        }
        if (type == Void.class || response.body().isEmpty()) {
            return null;
        }
        try {
            return (T) JSON.fromJson(response.body(), type);
        } catch (JsonbException e) {
            throw new HubException(HubException.Kind.OTHER, "The hub's answer could not be read: " + e.getMessage(),
                    null, e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, Map<String, ?> params, boolean isQuery,
                                          Object body, boolean authenticated) throws HubException {
        if (authenticated) {
            refreshIfDue();
        }
        String query = isQuery ? params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(TIMEOUT).header("Accept", "application/json, application/problem+json");
        if (!isQuery) {
            params.forEach((name, value) -> request.header(name, String.valueOf(value)));
        }
        Session current = session;
        if (authenticated && current != null) {
            request.header("Authorization", "Bearer " + current.accessToken());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.toJson(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "The hub at " + base + " cannot be reached: is it"
                    + " running, and is the address right?", null, e);
        } catch (HttpTimeoutException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "The hub did not answer within "
                    + TIMEOUT.toSeconds() + " s.", null, e);
        } catch (SSLException e) {
            throw new HubException(HubException.Kind.TLS, "A secure connection to " + base.getHost() + " could not be"
                    + " made: " + e.getMessage() + ". Check the address (http or https) and the server's certificate.",
                    null, e);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "The connection to the hub failed: "
                    + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Kind.OTHER, "Interrupted", null, e);
        }
    }

    /**
     * GETs a download (an export) into a file, streamed: the body never sits in memory. Written to a temporary file
     * next to the target first and moved into place when complete. Returns the bytes written.
     */
    public long download(String path, Map<String, ?> query, java.nio.file.Path file) throws HubException {
        refreshIfDue();
        String q = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Session current = session;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path + (q.isEmpty() ? "" : "?" + q)))
                .timeout(java.time.Duration.ofMinutes(30)).GET();
        if (current != null) {
            request.header("Authorization", "Bearer " + current.accessToken());
        }
        java.nio.file.Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            HttpResponse<java.nio.file.Path> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() >= 400) {
                String body = java.nio.file.Files.readString(partial);
                java.nio.file.Files.deleteIfExists(partial);
                Problem problem = null;
                try {
                    problem = JSON.fromJson(body, Problem.class);
                } catch (JsonbException | NullPointerException notProblem) {
                    // the status has to do
                }
                throw new HubException(HubException.kindOf(response.statusCode()), problem != null
                        && problem.detail() != null ? problem.detail() : "The hub answered HTTP "
                        + response.statusCode() + ".", problem, null);
            }
            java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return java.nio.file.Files.size(file);
        } catch (ConnectException e) {
            throw new HubException(HubException.Kind.UNREACHABLE, "The hub at " + base + " cannot be reached.", null, e);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.OTHER, "The download could not be written to " + file + ": "
                    + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                java.nio.file.Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort
            }
            throw new HubException(HubException.Kind.OTHER, "The download was cancelled.", null, e);
        }
    }

    private void refreshIfDue() throws HubException {
        Session current = session;
        if (current != null && Instant.now().isAfter(current.accessExpires().minusSeconds(30))) {
            refresh();
        }
    }

    private synchronized void refresh() throws HubException {
        Session current = session;
        if (current == null) {
            return;
        }
        TokenResponse tokens = send("POST", "api/auth/refresh", Map.of(),
                new RefreshRequest(current.refreshToken()), TokenResponse.class, false, null);
        session = sessionOf(current.username(), tokens);
    }

    private static Session sessionOf(String username, TokenResponse tokens) {
        return new Session(username, tokens.tenant(), tokens.roles(), tokens.accessToken(),
                Instant.now().plusSeconds(tokens.expiresIn()), tokens.refreshToken());
    }

    private static HubException failure(HttpResponse<String> response) {
        Problem problem = null;
        try {
            problem = JSON.fromJson(response.body(), Problem.class);
        } catch (JsonbException | NullPointerException notProblem) {
            // an answer that is not problem+json (e.g. from a proxy): the status has to do
        }
        String message = problem != null && problem.detail() != null ? problem.detail()
                : "The hub answered HTTP " + response.statusCode() + ".";
        return new HubException(HubException.kindOf(response.statusCode()), message, problem, null);
    }

    /** Query parameters in order, dropping nulls. */
    public static Map<String, Object> query(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put(String.valueOf(pairs[i]), pairs[i + 1]);
            }
        }
        return out;
    }
}
