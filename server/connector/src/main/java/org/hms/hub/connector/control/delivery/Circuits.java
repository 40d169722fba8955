package org.hms.hub.connector.control.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One {@link CircuitBreaker} per connector, in this hub instance: {@code hub.circuit.failure-threshold} failed
 * calls in a row (default 5) open it for {@code hub.circuit.open-seconds} (default 30). Each instance of a
 * cluster keeps its own breakers (they learn the same thing from the same failures).
 */
@ApplicationScoped
public class Circuits {

    private final ConcurrentHashMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final int threshold = ConfigProvider.getConfig()
            .getOptionalValue("hub.circuit.failure-threshold", Integer.class).orElse(5);
    private final Duration openFor = Duration.ofSeconds(ConfigProvider.getConfig()
            .getOptionalValue("hub.circuit.open-seconds", Integer.class).orElse(30));

    public CircuitBreaker of(String tenant, long connectorId) {
        return breakers.computeIfAbsent(tenant + "/" + connectorId, k -> new CircuitBreaker(threshold, openFor));
    }

    public void forget(String tenant, long connectorId) {
        breakers.remove(tenant + "/" + connectorId);
    }
}
