package org.hms.hub.platform.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a tenant a token names exists and is active, remembered for {@link #TTL} so that checking it costs a
 * query per tenant and minute, not per request. A token naming an unknown tenant (an external provider's
 * misconfigured claim, say) is refused rather than given an empty tenant of its own.
 */
@ApplicationScoped
public class ActiveTenants {

    static final Duration TTL = Duration.ofSeconds(60);

    private record Known(boolean active, long until) {
    }

    @Inject
    Tenants tenants;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public boolean isActive(String tenant) {
        long now = System.nanoTime();
        Known k = known.get(tenant);
        if (k == null || k.until() - now < 0) {
            k = new Known(tenants.isActive(tenant), now + TTL.toNanos());
            if (known.size() > 10_000) {
                known.clear();
            }
            known.put(tenant, k);
        }
        return k.active();
    }

    /** Forgets what is known of a tenant, after it was created or changed on this instance. */
    public void forget(String tenant) {
        known.remove(tenant);
    }
}
