package org.hms.hub.platform.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hms.hub.model.event.SecurityEvent;
import org.hms.hub.model.identity.NewUser;
import org.hms.hub.model.identity.UserChange;
import org.hms.hub.model.identity.UserView;
import org.hms.hub.platform.identity.entity.RefreshToken;
import org.hms.hub.platform.identity.entity.User;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.security.Roles;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/** The users of the current tenant. A user of another tenant is not found. */
@ApplicationScoped
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    Passwords passwords;

    @Inject
    CurrentCaller caller;

    @Inject
    EventPublisher events;

    @Transactional
    public List<UserView> list() {
        return tenancy.bind(em).createNamedQuery(User.ALL, User.class).getResultList().stream()
                .map(u -> u.view(tenant.current())).toList();
    }

    @Transactional
    public UserView get(long id) {
        return find(id).view(tenant.current());
    }

    @Transactional
    public UserView create(NewUser request) {
        return create(tenant.current(), request.username(), request.password(), request.roles());
    }

    /** A user of the given tenant: the current one, or a new tenant's first administrator. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserView create(String tenantId, String username, String password, Set<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ProblemException(422, "Invalid user name", "A user name has 2 to 100 characters: letters, digits,"
                    + " '.', '_', '@' or '-', starting with a letter or digit.");
        }
        requireRoles(roles);
        String hash = passwords.hash(password);
        Long taken = ((Number) Tenancy.acrossTenants(em, "SELECT COUNT(*) FROM hub_user WHERE username = ?")
                .setParameter(1, username).getSingleResult()).longValue();
        if (taken > 0) {
            throw new ProblemException(409, "User name taken", "The user name '" + username + "' is in use already.");
        }
        User user = new User(username, hash, roles);
        tenancy.bind(em, tenantId).persist(user);
        em.flush();
        events.publish(SecurityEvent.success(tenantId, "UserCreated", caller.actor(), username, null, null));
        return user.view(tenantId);
    }

    @Transactional
    public UserView change(long id, long expectedVersion, UserChange change) {
        User user = find(id);
        if (user.version() != expectedVersion) {
            throw new ProblemException(412, "Changed meanwhile", "The user was changed by someone else (version "
                    + user.version() + "); reload it and apply your change again.");
        }
        if (change.password() != null) {
            user.changePassword(passwords.hash(change.password()));
            revokeRefreshTokens(id);
        }
        if (change.roles() != null) {
            requireRoles(change.roles());
            user.changeRoles(change.roles());
        }
        if (change.enabled() != null) {
            user.enable(change.enabled());
            if (!change.enabled()) {
                revokeRefreshTokens(id);
            }
        }
        em.flush();
        keepAnAdmin();
        events.publish(SecurityEvent.success(tenant.current(), "UserUpdated", caller.actor(), user.username(), null,
                null));
        return user.view(tenant.current());
    }

    @Transactional
    public void delete(long id) {
        User user = find(id);
        em.remove(user);
        revokeRefreshTokens(id);
        em.flush();
        keepAnAdmin();
        events.publish(SecurityEvent.success(tenant.current(), "UserDeleted", caller.actor(), user.username(), null,
                null));
    }

    private User find(long id) {
        User user = tenancy.bind(em).find(User.class, id);
        if (user == null) {
            throw new ProblemException(404, "No such user", "There is no user " + id + ".");
        }
        return user;
    }

    private void revokeRefreshTokens(long userId) {
        tenancy.bind(em).createNamedQuery(RefreshToken.REVOKE_FOR_USER).setParameter("userId", userId).executeUpdate();
    }

    /** A tenant must keep an enabled administrator, or nobody could manage it any more. */
    private void keepAnAdmin() {
        long admins = tenancy.bind(em).createNamedQuery(User.COUNT_ADMINS, Long.class)
                .setParameter("role", "%" + Roles.ADMIN + "%").getSingleResult();
        if (admins == 0) {
            throw new ProblemException(409, "Last administrator",
                    "This change would leave the tenant without an enabled " + Roles.ADMIN + ".");
        }
    }

    private static void requireRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            throw new ProblemException(422, "Invalid roles", "Give one or more of: " + String.join(", ",
                    Roles.ALL.stream().sorted().toList()) + ".");
        }
    }
}
