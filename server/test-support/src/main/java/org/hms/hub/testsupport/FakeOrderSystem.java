package org.hms.hub.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the two order systems' fakes share: a real HTTP server on 127.0.0.1 with its own store of orders, an
 * authorization check, failure modes (down: 503 to everything; slow: every answer waits), a record of the
 * requests, and an outbox of webhooks signed per Standard Webhooks that is sent in order by a background thread
 * and retried until the receiver accepts it (as a Laravel queue or a Rails job would) — so webhooks sent while the
 * hub is down arrive once it is back. With more than one sender ({@link #FakeOrderSystem(long, int)}, as a queue
 * with several workers) each order's webhooks still go in order, by one sender chosen by the order's id. Listeners
 * tell a benchmark when a webhook was accepted and when a client (the hub) wrote an order.
 */
public abstract class FakeOrderSystem implements AutoCloseable {

    /** A request as the fake saw it. */
    public record Request(String method, String path, String query, String body, int status) {
    }

    /** A webhook as sent: its id, type and body, and the HTTP status of each attempt. */
    public record Webhook(String id, String type, String body, List<Integer> attempts) {
    }

    protected final HttpServer server;
    private final ExecutorService handlers;
    /** Orders by id, in id order. */
    protected final TreeMap<Long, JsonObject> orders = new TreeMap<>();
    private final AtomicLong nextId;
    private Instant lastTime = Instant.EPOCH;
    private volatile boolean down;
    private volatile long delayMs;
    private final java.util.Queue<Request> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean recordRequests = true;

    private volatile URI webhookUrl;
    private volatile String webhookSecret;
    private final List<LinkedBlockingQueue<Webhook>> outboxes = new ArrayList<>();
    private final java.util.Queue<Webhook> sent = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingWebhooks = new AtomicInteger();
    private final List<Thread> senders = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean closed;
    private volatile java.util.function.BiConsumer<Webhook, Long> webhookAccepted = (w, at) -> { };
    private volatile java.util.function.BiConsumer<String, JsonObject> clientWrite = (method, order) -> { };

    protected FakeOrderSystem(long firstId) {
        this(firstId, 1);
    }

    /** With {@code senders} webhook senders (each order's webhooks always by the same one, so in order). */
    protected FakeOrderSystem(long firstId, int senders) {
        this.nextId = new AtomicLong(firstId);
        this.handlers = Executors.newFixedThreadPool(Math.max(8, senders * 2));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        for (int i = 0; i < senders; i++) {
            LinkedBlockingQueue<Webhook> outbox = new LinkedBlockingQueue<>();
            outboxes.add(outbox);
            Thread sender = new Thread(() -> sendWebhooks(outbox), getClass().getSimpleName() + "-webhooks-" + i);
            sender.setDaemon(true);
            sender.start();
            this.senders.add(sender);
        }
    }

    /**
     * Keeps no record of requests and sent webhooks (a benchmark's millions would fill the heap); {@link #requests}
     * and {@link #sentWebhooks} are then empty.
     */
    public void recordRequests(boolean record) {
        this.recordRequests = record;
    }

    /** Called with each webhook once the receiver accepted it (2xx), and the {@link System#nanoTime} of that. */
    public void onWebhookAccepted(java.util.function.BiConsumer<Webhook, Long> listener) {
        this.webhookAccepted = listener;
    }

    /** Called with the method and the order after a client (the hub) created or changed an order (2xx answer). */
    public void onClientWrite(java.util.function.BiConsumer<String, JsonObject> listener) {
        this.clientWrite = listener;
    }

    /** For subclasses: a client created or changed this order. */
    protected void clientWrote(String method, JsonObject order) {
        clientWrite.accept(method, order);
    }

    /** The base URL a connector's endpoint names. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where the webhooks go, signed with the Standard Webhooks secret ({@code whsec_…}). */
    public void sendWebhooksTo(URI url, String secret) {
        this.webhookUrl = url;
        this.webhookSecret = secret;
    }

    /** Every request answers 503 (the system is down) until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** Every answer waits this long. */
    public void slow(long millis) {
        delayMs = millis;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests with this method whose path starts so (2xx and others). */
    public long count(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    public List<Webhook> sentWebhooks() {
        return List.copyOf(sent);
    }

    /** Webhooks queued or being retried. */
    public int pendingWebhooks() {
        return pendingWebhooks.get();
    }

    /** Sends an old webhook again under a new id (the sender's retry logic produced a second event). */
    public void resendAsNew(Webhook w) {
        pendingWebhooks.incrementAndGet();
        outboxes.get(0).add(new Webhook("msg_" + UUID.randomUUID(), w.type(), w.body(), new CopyOnWriteArrayList<>()));
    }

    /** Sends a webhook already sent once more, with the same id (a duplicate delivery). */
    public void resend(Webhook w) {
        pendingWebhooks.incrementAndGet();
        outboxes.get(0).add(new Webhook(w.id(), w.type(), w.body(), new CopyOnWriteArrayList<>()));
    }

    public synchronized JsonObject order(long id) {
        return orders.get(id);
    }

    public synchronized List<JsonObject> all() {
        return new ArrayList<>(orders.values());
    }

    public synchronized int size() {
        return orders.size();
    }

    /** Changes a status without telling anyone (drift, for reconciliation). */
    public synchronized void setStatusSilently(long id, String status) {
        JsonObject o = orders.get(id);
        orders.put(id, with(o, Map.of("status", Json.createValue(status), "updated_at", Json.createValue(now()))));
    }

    /** Forgets an order without telling anyone (drift). */
    public synchronized void deleteSilently(long id) {
        orders.remove(id);
    }

    // --- for subclasses ---

    protected long newId() {
        return nextId.getAndIncrement();
    }

    /** A strictly increasing time in microseconds, ISO-8601 UTC (as both frameworks serialise it). */
    protected synchronized String now() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!t.isAfter(lastTime)) {
            t = lastTime.plus(1, ChronoUnit.MICROS);
        }
        lastTime = t;
        return t.toString();
    }

    protected static JsonObject with(JsonObject o, Map<String, JsonValue> changes) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        changes.forEach(b::add);
        return b.build();
    }

    protected static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    protected static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    /** Queues a signed webhook about the order. */
    protected void webhook(String type, JsonObject order) {
        String body = Json.createObjectBuilder().add("type", type).add("timestamp", Instant.now().toString())
                .add("data", order).build().toString();
        pendingWebhooks.incrementAndGet();
        long id = order.containsKey("id") ? order.getJsonNumber("id").longValue() : 0;
        outboxes.get((int) Math.floorMod(id, (long) outboxes.size())).add(new Webhook("msg_" + UUID.randomUUID(),
                type, body, new CopyOnWriteArrayList<>()));
    }

    /** An answer: status and JSON body. */
    protected record Answer(int status, String body) {
    }

    protected abstract boolean authorized(String authorization);

    protected abstract Answer serve(String method, String path, Map<String, String> query, String body);

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        try {
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (down) {
                answer = new Answer(503, "{\"message\":\"Service Unavailable\"}");
            } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = new Answer(401, "{\"message\":\"Unauthenticated.\"}");
            } else {
                answer = serve(method, path, query(rawQuery), body);
            }
        } catch (RuntimeException e) {
            answer = new Answer(500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(503, "{}");
        }
        if (recordRequests) {
            requests.add(new Request(method, path, rawQuery, body, answer.status()));
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendWebhooks(LinkedBlockingQueue<Webhook> outbox) {
        while (!closed) {
            Webhook w;
            try {
                w = outbox.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (w == null) {
                continue;
            }
            // In order, each until accepted (at most ten minutes), as a queue worker with retries would.
            long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!closed && System.nanoTime() < giveUpAt) {
                int status = post(w);
                w.attempts().add(status);
                if (status >= 200 && status < 300) {
                    webhookAccepted.accept(w, System.nanoTime());
                    break;
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (recordRequests) {
                sent.add(w);
            }
            pendingWebhooks.decrementAndGet();
        }
    }

    private int post(Webhook w) {
        URI url = webhookUrl;
        if (url == null) {
            return 0;
        }
        long timestamp = Instant.now().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("webhook-id", w.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", sign(webhookSecret, w.id(), timestamp, w.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(w.body())).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** {@code v1,<base64 HMAC-SHA256(id.timestamp.body)>} with the key inside {@code whsec_…}. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        senders.forEach(Thread::interrupt);
        server.stop(0);
        handlers.shutdownNow();
    }
}
