package org.hms.hub.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.persistence.config.EntityManagerProperties;

/**
 * The one place tenant isolation is enforced. Business entities are EclipseLink multitenant entities
 * ({@code @Multitenant} with {@code @TenantDiscriminatorColumn(name = "tenant_id")}); EclipseLink adds the
 * tenant to every query, insert, update and delete of such an entity, and refuses to run one when no tenant is
 * set. Stores obtain their entity manager through {@link #bind(EntityManager)}, which sets the tenant of the
 * current request for the current transaction; a row of another tenant is then simply not found (404).
 */
@ApplicationScoped
public class Tenancy {

    /** The context property the entities' tenant discriminator reads. */
    public static final String PROPERTY = EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT;

    @Inject
    TenantContext context;

    public EntityManager bind(EntityManager em) {
        em.setProperty(PROPERTY, context.current());
        return em;
    }

    /**
     * A native query that reads across tenants. EclipseLink refuses native SQL in a unit with multitenant entities
     * unless a query opts in; these few opt-ins (the user-name lookup of a login, user-name uniqueness, the
     * first-start check, the tenants a key rotation visits) are the only reads that cross tenants.
     */
    public static jakarta.persistence.Query acrossTenants(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", "true");
    }

    /** Binds the entity manager to a tenant named explicitly (system work that visits each tenant in turn). */
    public EntityManager bind(EntityManager em, String tenant) {
        em.setProperty(PROPERTY, tenant);
        return em;
    }
}
