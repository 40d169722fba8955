package org.hms.hub.connector.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hms.hub.platform.cache.ShortTermCache;

/**
 * The webhook endpoint's view of its connectors, kept for {@code hub.webhooks.target-cache} (ISO-8601 duration,
 * default PT5S; PT0S reads every time). Reading a connector for a webhook is a transaction of its own with two
 * look-ups and the decryption of its signing secrets — about an eighth of a webhook's cost under load — and the
 * same few connectors send all webhooks. Every change made through the hub ({@code ConnectorRegistry}: update,
 * status, test, delete) drops the connector's entry at once and again when its transaction has ended, so a switched
 * off connector or a rotated secret takes effect with the change; a change the hub did not make (another instance,
 * the database edited by hand) within the duration. A replaced secret's grace period is never stretched: the entry
 * ends with it. A connector that takes no webhooks is not kept (read again on each request).
 * <p>
 * A target names its tenant; the request's {@code TenantContext} is not set from it (a request-scoped bean made for
 * every webhook cost about a twentieth of the request threads' CPU at intake, #10): the endpoint passes the tenant on.
 */
@ApplicationScoped
public class WebhookTargets {

    @Inject
    WebhookIntake intake;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final ShortTermCache<Long, WebhookIntake.Target> kept =
            ShortTermCache.configured("hub.webhooks.target-cache", Duration.ofSeconds(5), false);

    /** As {@link WebhookIntake#target}: the connector when it takes webhooks, with its tenant. */
    public Optional<WebhookIntake.Target> target(long connectorId) {
        return Optional.ofNullable(kept.get(connectorId, id -> intake.target(id).orElse(null),
                t -> t.previousSecretUntil() == null ? null
                        : Duration.between(OffsetDateTime.now(ZoneOffset.UTC), t.previousSecretUntil())));
    }

    /** Forgets the connector now and, inside a transaction, once more when it has ended. */
    public void changed(long connectorId) {
        kept.forget(connectorId, transactions);
    }
}
