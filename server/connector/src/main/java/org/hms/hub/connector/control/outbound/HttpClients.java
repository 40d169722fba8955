package org.hms.hub.connector.control.outbound;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared HTTP clients, one per connect timeout: HTTP/1.1, certificates verified against the JVM's trust store,
 * redirects not followed (a redirect must not carry a connector's credentials to another host).
 */
final class HttpClients {

    private static final Map<Integer, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private HttpClients() {
    }

    static HttpClient forTimeout(int timeoutMs) {
        return CLIENTS.computeIfAbsent(timeoutMs, t -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(t))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
