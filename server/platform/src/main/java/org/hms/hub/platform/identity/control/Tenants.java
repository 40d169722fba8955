package org.hms.hub.platform.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.model.event.SecurityEvent;
import org.hms.hub.model.identity.NewTenant;
import org.hms.hub.model.identity.TenantView;
import org.hms.hub.platform.identity.entity.Tenant;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.security.Roles;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The tenant registry, kept by platform administrators: users with {@code hub-admin} in the {@code system}
 * tenant. A new tenant comes with its first administrator, who manages the tenant's users from then on.
 */
@ApplicationScoped
public class Tenants {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Users users;

    @Inject
    CurrentCaller caller;

    @Inject
    EventPublisher events;

    @Transactional
    public List<TenantView> list() {
        requirePlatformAdmin();
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList().stream().map(Tenant::view).toList();
    }

    @Transactional
    public TenantView create(NewTenant request) {
        requirePlatformAdmin();
        if (request.id() == null || !ID.matcher(request.id()).matches()) {
            throw new ProblemException(422, "Invalid tenant id",
                    "A tenant id has 2 to 64 characters: lower-case letters, digits or '-', starting with a letter or digit.");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw new ProblemException(422, "Invalid tenant name", "A tenant needs a name of 1 to 200 characters.");
        }
        if (em.find(Tenant.class, request.id()) != null) {
            throw new ProblemException(409, "Tenant exists", "The tenant '" + request.id() + "' exists already.");
        }
        Tenant created = new Tenant(request.id(), request.name().strip());
        em.persist(created);
        em.flush();
        events.publish(SecurityEvent.success(HubEvent.SYSTEM_TENANT, "TenantCreated", caller.actor(), request.id(),
                null, null));
        users.create(request.id(), request.adminUsername(), request.adminPassword(), Set.of(Roles.ADMIN));
        return created.view();
    }

    /** Whether the tenant exists and is active; tokens of other tenants are refused. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean isActive(String id) {
        Tenant t = em.find(Tenant.class, id);
        return t != null && t.active();
    }

    private void requirePlatformAdmin() {
        if (!HubEvent.SYSTEM_TENANT.equals(tenant.current())) {
            throw new ProblemException(403, "Forbidden",
                    "Only platform administrators (hub-admin of the system tenant) manage tenants.");
        }
    }
}
