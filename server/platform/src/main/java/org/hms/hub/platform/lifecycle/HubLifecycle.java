package org.hms.hub.platform.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hms.hub.model.event.HubStarted;

/**
 * Announces the instance's start with a {@link HubStarted} event once the schema is current.
 * <p>
 * The announcement does not block deployment: it runs from a timer and is retried every few seconds until
 * the broker accepts it, so a hub whose broker starts late still comes up (and reports not-ready meanwhile).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class HubLifecycle {

    private static final Logger LOG = Logger.getLogger(HubLifecycle.class.getName());
    private static final long RETRY_MILLIS = 3_000;

    @Resource
    TimerService timers;

    @EJB
    StartupAnnouncer announcer;

    @Inject
    @ConfigProperty(name = "hub.version", defaultValue = "unknown")
    String version;

    @Inject
    @ConfigProperty(name = "hub.instance")
    java.util.Optional<String> instanceName;

    private volatile boolean announced;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduleAnnouncement() {
        timers.createIntervalTimer(0, RETRY_MILLIS, new TimerConfig("announce-start", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void announce(Timer timer) {
        if (announced) {
            timer.cancel();
            return;
        }
        try {
            announcer.announce(HubStarted.now(instance(), version));
            announced = true;
            timer.cancel();
            LOG.info(() -> "Hub instance " + instance() + " (version " + version + ") started");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot announce the hub's start yet (broker not reachable?); retrying in {0} s: {1}",
                    new Object[] {RETRY_MILLIS / 1000, rootMessage(e)});
        }
    }

    /** Whether this instance's start has been recorded; readiness reports it. */
    public boolean isAnnounced() {
        return announced;
    }

    private String instance() {
        return instanceName.orElseGet(() -> hostName() + ":" + ProcessHandle.current().pid());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
