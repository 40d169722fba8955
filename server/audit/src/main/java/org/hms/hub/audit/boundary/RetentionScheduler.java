package org.hms.hub.audit.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.audit.control.Retention;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Daily at 03:17 UTC: archives and prunes each tenant's entries older than {@code hub.audit.retention} (default
 * P6Y), step by step until none is left. Two instances of a cluster may both run it: the second finds nothing
 * (PostgreSQL's {@code aud_prune} and the chain head's row lock keep the anchor consistent).
 */
@Singleton
public class RetentionScheduler {

    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class.getName());

    @Inject
    Retention retention;

    @Inject
    TenantContext tenant;

    @Schedule(hour = "3", minute = "17", persistent = false, info = "audit retention")
    void run() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(Retention.retention());
        for (String t : retention.tenants()) {
            try {
                tenant.set(t);
                for (int step = 0; step < 1_000; step++) {
                    if (retention.prune(t, cutoff).removed() == 0) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Audit retention for tenant " + t + " failed; it is tried again tomorrow", e);
            }
        }
    }
}
