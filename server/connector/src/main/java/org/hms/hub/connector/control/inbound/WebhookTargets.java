package org.hms.hub.connector.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The webhook endpoint's view of its connectors, kept for {@code hub.webhooks.target-cache} (ISO-8601 duration,
 * default PT5S; PT0S reads every time). Reading a connector for a webhook is a transaction of its own with two
 * look-ups and the decryption of its signing secrets — about an eighth of a webhook's cost under load — and the
 * same few connectors send all webhooks. Every change made through the hub ({@code ConnectorRegistry}: update,
 * status, test, delete) drops the connector's entry at once and again when its transaction has ended, so a switched
 * off connector or a rotated secret takes effect with the change; a change the hub did not make (the database
 * edited by hand) within the duration. A replaced secret's grace period is never stretched: the entry ends with it.
 */
@ApplicationScoped
public class WebhookTargets {

    @Inject
    WebhookIntake intake;

    @Inject
    TenantContext tenant;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Duration keep = ConfigProvider.getConfig()
            .getOptionalValue("hub.webhooks.target-cache", Duration.class).orElse(Duration.ofSeconds(5));

    private final ConcurrentHashMap<Long, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(WebhookIntake.Target target, long until) {
    }

    /** As {@link WebhookIntake#target}: the connector when it takes webhooks; sets the request's tenant to its own. */
    public Optional<WebhookIntake.Target> target(long connectorId) {
        Kept k = kept.get(connectorId);
        long now = System.nanoTime();
        if (k != null && now - k.until() < 0) {
            tenant.set(k.target().tenant());
            return Optional.of(k.target());
        }
        Optional<WebhookIntake.Target> target = intake.target(connectorId);
        if (target.isPresent() && !keep.isZero() && !keep.isNegative()) {
            long until = now + keep.toNanos();
            OffsetDateTime graceEnds = target.get().previousSecretUntil();
            if (graceEnds != null) {
                long left = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), graceEnds).toNanos();
                until = Math.min(until, now + Math.max(0, left));
            }
            kept.put(connectorId, new Kept(target.get(), until));
        } else {
            kept.remove(connectorId);
        }
        return target;
    }

    /**
     * Forgets the connector now and, inside a transaction, once more when it has ended (a webhook read between the
     * change and its commit would have kept the old state).
     */
    public void changed(long connectorId) {
        kept.remove(connectorId);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    kept.remove(connectorId);
                }
            });
        }
    }
}
