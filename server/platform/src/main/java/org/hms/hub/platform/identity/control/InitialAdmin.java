package org.hms.hub.platform.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.platform.identity.entity.User;
import org.hms.hub.platform.security.Roles;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * On a first start (no users at all) creates the platform administrator in the {@code system} tenant, with
 * all three roles: user name {@code hub.security.initial-admin.username} (default {@code admin}), password
 * {@code hub.security.initial-admin.password}, or, when that is not set, a generated one printed once on the
 * console (never to the log). There is no default password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "hub.security.initial-admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "hub.security.initial-admin.password")
    Optional<String> password;

    @PostConstruct
    void createWhenNoUsers() {
        long users = ((Number) Tenancy.acrossTenants(em, "SELECT COUNT(*) FROM hub_user").getSingleResult()).longValue();
        if (users > 0) {
            return;
        }
        String chosen = password.filter(p -> !p.isBlank()).orElseGet(InitialAdmin::generate);
        tenancy.bind(em, HubEvent.SYSTEM_TENANT).persist(new User(username, passwords.hash(chosen), Roles.STAFF));
        em.flush();
        LOG.info(() -> "Created the initial platform administrator '" + username + "' in tenant system");
        if (password.filter(p -> !p.isBlank()).isEmpty()) {
            System.out.printf("%n*** Initial administrator: user '%s', password '%s' (shown once; change it with"
                    + " PATCH /api/users/{id}) ***%n%n", username, chosen);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
