package org.hms.hub.model.identity;

/**
 * {@code POST /api/tenants} (platform administrators only): the tenant and its first administrator, who then
 * manages the tenant's own users.
 */
public record NewTenant(String id, String name, String adminUsername, String adminPassword) {

    @Override
    public String toString() {
        return "NewTenant[id=" + id + ", name=" + name + ", adminUsername=" + adminUsername + ", adminPassword=****]";
    }
}
