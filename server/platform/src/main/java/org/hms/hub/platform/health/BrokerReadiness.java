package org.hms.hub.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hms.hub.platform.lifecycle.HubLifecycle;
import org.hms.hub.platform.messaging.Jms;

/**
 * Ready only while the broker answers (a session can be opened on the hub's connection factory) and this
 * instance's start has been announced on it.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    HubLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer();
            return HealthCheckResponse.named("broker").status(lifecycle.isAnnounced())
                    .withData("started", lifecycle.isAnnounced()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
