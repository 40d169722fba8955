package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The sync engine in MicroProfile Metrics (Prometheus at {@code /metrics?scope=application}), per tenant and
 * connector: counters of webhooks ({@code hub_webhooks_total{outcome}}) and of delivery outcomes
 * ({@code hub_deliveries_total{outcome}}), and gauges of what waits — {@code hub_connector_queued},
 * {@code hub_connector_in_flight}, {@code hub_connector_retrying}, {@code hub_connector_oldest_undelivered_seconds},
 * {@code hub_connector_open_dead_letters}, {@code hub_connector_circuit_open} — refreshed from the database every
 * 15 seconds (a scrape never queries the database).
 */
@ApplicationScoped
public class ConnectorMetrics {

    @Inject
    MetricRegistry registry;

    /** The latest figures per connector; gauges read them. */
    public record Snapshot(long queued, long inFlight, long retrying, long oldestSeconds, long openDeadLetters,
                           int circuitOpen) {
        static final Snapshot EMPTY = new Snapshot(0, 0, 0, 0, 0, 0);
    }

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public void webhook(String tenant, long connectorId, String outcome) {
        registry.counter("hub_webhooks_total", tags(tenant, connectorId, outcome)).inc();
    }

    public void delivery(String tenant, long connectorId, String outcome) {
        registry.counter("hub_deliveries_total", tags(tenant, connectorId, outcome)).inc();
    }

    /** Replaces the figures of one connector, registering its gauges the first time it is seen. */
    public void update(String tenant, long connectorId, Snapshot snapshot) {
        String key = tenant + "/" + connectorId;
        if (snapshots.put(key, snapshot) == null) {
            Tag[] tags = {new Tag("tenant", tenant), new Tag("connector", Long.toString(connectorId))};
            registry.gauge("hub_connector_queued", () -> get(key).queued(), tags);
            registry.gauge("hub_connector_in_flight", () -> get(key).inFlight(), tags);
            registry.gauge("hub_connector_retrying", () -> get(key).retrying(), tags);
            registry.gauge("hub_connector_oldest_undelivered_seconds", () -> get(key).oldestSeconds(), tags);
            registry.gauge("hub_connector_open_dead_letters", () -> get(key).openDeadLetters(), tags);
            registry.gauge("hub_connector_circuit_open", () -> get(key).circuitOpen(), tags);
        }
    }

    /** Connectors not in the latest refresh keep their gauges at zero. */
    public void zeroAllBut(java.util.Set<String> seen) {
        snapshots.replaceAll((k, v) -> seen.contains(k) ? v : Snapshot.EMPTY);
    }

    private Snapshot get(String key) {
        return snapshots.getOrDefault(key, Snapshot.EMPTY);
    }

    private static Tag[] tags(String tenant, long connectorId, String outcome) {
        return new Tag[] {new Tag("tenant", tenant), new Tag("connector", Long.toString(connectorId)),
                new Tag("outcome", outcome)};
    }
}
