package org.hms.hub.connector.control.queue;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The running queue consumers, one thread per connector with a {@code queue} trigger, kept in step with the
 * connectors by {@link #reconcile} (the scheduler calls it every ten seconds): started for active connectors,
 * stopped when a connector is switched off, removed or its trigger changes. Every hub instance consumes: the
 * instances compete for the messages.
 */
@ApplicationScoped
public class QueueTriggers {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    QueueIntake intake;

    @Inject
    TenantContext tenantContext;

    /** This bean through its proxy, so that the workers' calls get a request context. */
    @Inject
    QueueTriggers self;

    private final Map<Long, QueueWorker> workers = new ConcurrentHashMap<>();
    /** Failures already audited, so that a broker that stays away is one audit entry, not one per retry. */
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    /** A connector that should be consuming, as the scheduler found it. */
    public record Wanted(String tenant, long connectorId, QueueTrigger trigger, InboundShape shape, String password) {
    }

    public synchronized void reconcile(Map<Long, Wanted> wanted) {
        workers.entrySet().removeIf(e -> {
            Wanted w = wanted.get(e.getKey());
            if (w == null || !w.trigger().equals(e.getValue().trigger()) || !e.getValue().running()) {
                e.getValue().stop();
                return true;
            }
            return false;
        });
        wanted.forEach((id, w) -> workers.computeIfAbsent(id, k -> {
            QueueWorker worker = new QueueWorker(self, w.tenant(), id, w.trigger(), w.shape(), w.password());
            threads.newThread(worker).start();
            return worker;
        }));
    }

    public synchronized Set<Long> consuming() {
        return Set.copyOf(workers.keySet());
    }

    @PreDestroy
    synchronized void stopAll() {
        workers.values().forEach(QueueWorker::stop);
        workers.clear();
    }

    @ActivateRequestContext
    void takeFromHubBroker(String tenant, long connectorId, QueueTrigger trigger, InboundShape shape)
            throws JMSException {
        tenantContext.set(tenant);
        if (intake.takeFromHubBroker(connectorId, trigger, shape)) {
            reported.remove(connectorId);
        }
    }

    @ActivateRequestContext
    void record(String tenant, long connectorId, Message message, InboundShape shape) throws JMSException {
        tenantContext.set(tenant);
        intake.record(connectorId, message, shape);
        reported.remove(connectorId);
    }

    @ActivateRequestContext
    void failed(String tenant, long connectorId, String error) {
        if (reported.add(connectorId)) {
            tenantContext.set(tenant);
            intake.failed(connectorId, error);
        }
    }
}
