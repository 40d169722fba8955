package org.hms.hub.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant the current request or message acts for: set from the verified token for API calls and from the
 * {@code tenant} property for JMS messages, and read by {@link Tenancy} whenever an entity manager is used.
 */
@RequestScoped
public class TenantContext {

    private String tenant;

    public void set(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("A tenant id is required");
        }
        this.tenant = tenant;
    }

    /** The tenant; fails when none was set, so that nothing runs against the database without one. */
    public String current() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is set for this request");
        }
        return tenant;
    }

    public boolean isSet() {
        return tenant != null;
    }
}
