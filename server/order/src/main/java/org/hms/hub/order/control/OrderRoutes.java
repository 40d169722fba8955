package org.hms.hub.order.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.hms.hub.platform.cache.ShortTermCache;
import org.hms.hub.platform.sync.InboundRoutes;

/**
 * The connector module's {@link InboundRoutes}, answered from the order integrations and kept for
 * {@code hub.orders.routes-cache} (ISO-8601 duration, default PT5S; PT0S reads every time). Every webhook and every
 * inbound item asks — before, each question was a transaction and a query of its own. Any change of an integration
 * through this instance (create, change, delete, the kill switch) forgets every kept route at once and again when
 * its transaction has ended, so a switched-off integration refuses the next webhook; a change made through another
 * instance of a cluster is seen within the duration. "No integration claims this connector" is kept too.
 */
@ApplicationScoped
public class OrderRoutes implements InboundRoutes {

    @Inject
    OrderIntegrations integrations;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private record Question(String tenant, long connectorId) {
    }

    private final ShortTermCache<Question, Route> kept =
            ShortTermCache.configured("hub.orders.routes-cache", Duration.ofSeconds(5), true);

    @Override
    public Route route(String tenant, long connectorId) {
        return kept.get(new Question(tenant, connectorId), q -> integrations.route(q.tenant(), q.connectorId()));
    }

    /** Forgets every route now and, inside a transaction, once more when it has ended. */
    void changed() {
        kept.forgetAll(transactions);
    }
}
