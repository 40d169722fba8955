package org.hms.hub.order.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.platform.sync.InboundRoutes;

/**
 * The connector module's {@link InboundRoutes}, answered from the order integrations and kept for
 * {@code hub.orders.routes-cache} (ISO-8601 duration, default PT5S; PT0S reads every time). Every webhook and every
 * inbound item asks — before, each question was a transaction and a query of its own. Any change of an integration
 * through this instance (create, change, delete, the kill switch) forgets every kept route at once and again when
 * its transaction has ended, so a switched-off integration refuses the next webhook; a change made through another
 * instance of a cluster is seen within the duration.
 */
@ApplicationScoped
public class OrderRoutes implements InboundRoutes {

    @Inject
    OrderIntegrations integrations;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Duration keep = ConfigProvider.getConfig()
            .getOptionalValue("hub.orders.routes-cache", Duration.class).orElse(Duration.ofSeconds(5));

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Optional<Route> route, long until) {
    }

    @Override
    public Route route(String tenant, long connectorId) {
        String key = tenant + "/" + connectorId;
        long now = System.nanoTime();
        Kept k = kept.get(key);
        if (k != null && now - k.until() < 0) {
            return k.route().orElse(null);
        }
        Route route = integrations.route(tenant, connectorId);
        if (!keep.isZero() && !keep.isNegative()) {
            kept.put(key, new Kept(Optional.ofNullable(route), now + keep.toNanos()));
        }
        return route;
    }

    /** Forgets every route now and, inside a transaction, once more when it has ended. */
    void changed() {
        kept.clear();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    kept.clear();
                }
            });
        }
    }
}
