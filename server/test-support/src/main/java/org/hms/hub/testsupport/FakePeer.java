package org.hms.hub.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An external system faked at the HTTP boundary: a real HTTP(S) server on 127.0.0.1 whose paths answer as the
 * test says, recording every request and how long it spent on each (its own latency measure). Start the test
 * JVM with {@code -Dsun.net.httpserver.nodelay=true}, or every answer waits for Nagle's algorithm.
 */
public final class FakePeer implements AutoCloseable {

    /** A request as the peer saw it; header names in lower case. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body,
                          java.time.Instant receivedAt) {

        public Request(String method, String path, String query, Map<String, String> headers, String body) {
            this(method, path, query, headers, body, java.time.Instant.now());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: status, content type, body, and how long to think before answering. */
    public record Reply(int status, String contentType, String body, long delayMs, Map<String, String> headers) {

        public Reply(int status, String contentType, String body, long delayMs) {
            this(status, contentType, body, delayMs, Map.of());
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, 0, Map.of());
        }

        public static Reply status(int status) {
            return new Reply(status, "text/plain", "", 0, Map.of());
        }

        public Reply after(long millis) {
            return new Reply(status, contentType, body, millis, headers);
        }

        public Reply header(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, delayMs, Map.copyOf(more));
        }
    }

    private volatile HttpServer server;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Long> handlingNanos = new ConcurrentHashMap<>();

    private FakePeer(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Takes the peer off the network: connections to its port are refused until {@link #up()}. */
    public synchronized void down() {
        server.stop(0);
    }

    /** Brings a peer taken {@link #down()} back on the same port, with the same routes. Plain HTTP peers only. */
    public synchronized void up() {
        try {
            HttpServer again = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            again.setExecutor(threads);
            again.createContext("/", this::serve);
            again.start();
            server = again;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot bind port " + port + " again", e);
        }
    }

    /** Forgets the requests recorded so far. */
    public void clear() {
        requests.clear();
    }

    public static FakePeer start() {
        try {
            return new FakePeer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTPS peer with the given TLS context (e.g. a self-signed certificate the hub does not trust). */
    public static FakePeer startTls(SSLContext tls) {
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new FakePeer(https);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public FakePeer on(String path, Function<Request, Reply> responder) {
        routes.put(path, responder);
        return this;
    }

    public URI uri(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How long the peer itself spent on the last request to the path, from receiving it to having answered. */
    public long lastHandlingMillis(String path) {
        return Math.round(handlingNanos.getOrDefault(path, -1_000_000L) / 1_000_000.0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue()), (a, b) -> a));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, body);
            requests.add(request);
            Function<Request, Reply> route = routes.get(path);
            Reply reply = route == null ? Reply.status(404) : route.apply(request);
            if (reply.delayMs() > 0) {
                Thread.sleep(reply.delayMs());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            handlingNanos.put(path, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
