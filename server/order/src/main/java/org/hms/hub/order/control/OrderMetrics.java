package org.hms.hub.order.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Order sync in MicroProfile Metrics: {@code hub_order_sync_lag_milliseconds}, a histogram of the time from a
 * webhook's arrival to the other system's confirmation of the change it caused.
 */
@ApplicationScoped
public class OrderMetrics {

    private static final Metadata LAG = Metadata.builder().withName("hub_order_sync_lag_milliseconds")
            .withDescription("Order sync lag: webhook received by the hub to the other system confirming the change")
            .withUnit("milliseconds").build();

    @Inject
    MetricRegistry registry;

    public void lag(long millis) {
        registry.histogram(LAG).update(millis);
    }
}
