package org.hms.hub.connector.control.inbound;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.platform.problem.ProblemException;

/**
 * Group commit for webhooks: the requests that arrive while a transaction is committing are receipted and queued
 * together in the next one ({@link WebhookWriter#acceptAll}), instead of one two-phase commit (database and
 * broker) each. Each request still waits until its own item is committed before it is answered 202, so an
 * acknowledged webhook is as durable as before. A batch that fails (the same webhook id accepted by a concurrent
 * batch, a bad item) is taken apart and every item accepted on its own, so one item cannot fail the others.
 * <p>
 * {@code hub.webhooks.intake-writers} (default 2) threads of the managed executor write batches of up to
 * {@code hub.webhooks.intake-batch} (default 64) items or 4 MiB of bodies; a writer stops after a second without
 * work. A request whose item is not written within {@code hub.webhooks.intake-wait-seconds} (default 60) is answered
 * 503 with Retry-After — its item may still be written later; sent again, it is then acknowledged as a duplicate.
 */
@ApplicationScoped
public class WebhookBatches {

    private static final Logger LOG = Logger.getLogger(WebhookBatches.class.getName());
    private static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookWriter writer;

    private final int writers;
    private final int maxBatch;
    private final long waitSeconds;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;

    public WebhookBatches() {
        Config config = ConfigProvider.getConfig();
        writers = Math.max(1, config.getOptionalValue("hub.webhooks.intake-writers", Integer.class).orElse(2));
        maxBatch = Math.max(1, config.getOptionalValue("hub.webhooks.intake-batch", Integer.class).orElse(64));
        waitSeconds = Math.max(1, config.getOptionalValue("hub.webhooks.intake-wait-seconds", Long.class).orElse(60L));
    }

    /** A webhook waiting to be written. */
    public record Pending(String tenant, long connectorId, String externalId, String body, JsonValue parsed,
                   InboundShape shape, CompletableFuture<Inbound.Accepted> result) {
    }

    /**
     * Receipts and queues a webhook of the tenant's connector (see {@link Inbound#accept}) together with the others
     * arriving now; returns once it is committed.
     */
    public Inbound.Accepted accept(String tenantId, long connectorId, String externalId, String body, JsonValue parsed,
                                   InboundShape shape) {
        if (stopped) {
            throw busy("The hub is stopping.");
        }
        Pending pending = new Pending(tenantId, connectorId, externalId, body, parsed, shape,
                new CompletableFuture<>());
        queue.add(pending);
        startWriterIfNeeded();
        try {
            return pending.result().get(waitSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw busy("The webhook was not written within " + waitSeconds + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The request was interrupted.");
        }
    }

    private static ProblemException busy(String why) {
        return new ProblemException(503, "Intake busy", why + " Send the webhook again later; if it was written "
                + "meanwhile it is acknowledged as a duplicate.", Map.of("Retry-After", "5"));
    }

    private void startWriterIfNeeded() {
        while (true) {
            int now = running.get();
            if (now >= writers || queue.isEmpty()) {
                return;
            }
            if (running.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::writeLoop);
                } catch (RuntimeException e) {
                    running.decrementAndGet();
                    LOG.log(Level.SEVERE, "No thread for the webhook writer; writing in the request", e);
                    writeNow();
                }
                return;
            }
        }
    }

    /** A writer: batches until the queue has stayed empty for a second. */
    private void writeLoop() {
        try {
            while (!stopped) {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    break;
                }
                write(batchFrom(first));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
            // an item may have come between the last poll and the decrement
            startWriterIfNeeded();
        }
    }

    /** When no writer thread can be had: whatever is queued, written on the caller's thread. */
    private void writeNow() {
        Pending first;
        while ((first = queue.poll()) != null) {
            write(batchFrom(first));
        }
    }

    private List<Pending> batchFrom(Pending first) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        long bytes = first.body().length();
        while (batch.size() < maxBatch && bytes < MAX_BATCH_BYTES) {
            Pending next = queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            bytes += next.body().length();
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        Map<String, List<Pending>> byTenant = new LinkedHashMap<>();
        for (Pending p : batch) {
            byTenant.computeIfAbsent(p.tenant(), t -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Pending>> group : byTenant.entrySet()) {
            List<Pending> items = group.getValue();
            if (items.size() > 1) {
                try {
                    List<Inbound.Accepted> accepted = writer.acceptAll(group.getKey(), items);
                    for (int i = 0; i < items.size(); i++) {
                        items.get(i).result().complete(accepted.get(i));
                    }
                    continue;
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, e, () -> "A batch of " + items.size() + " webhooks failed; accepting them one by one");
                }
            }
            for (Pending p : items) {
                try {
                    p.result().complete(writer.acceptOne(group.getKey(), p));
                } catch (RuntimeException e) {
                    p.result().completeExceptionally(e);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Pending left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(busy("The hub is stopping."));
        }
    }
}
