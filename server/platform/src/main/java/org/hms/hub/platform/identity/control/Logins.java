package org.hms.hub.platform.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hms.hub.model.auth.TokenResponse;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.model.event.SecurityEvent;
import org.hms.hub.platform.identity.entity.RefreshToken;
import org.hms.hub.platform.identity.entity.User;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.SecurityAudit;
import org.hms.hub.platform.security.Tokens;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * Logging in with a user name and password, and exchanging a refresh token for new tokens. Every outcome is a
 * security event; failures say no more than "wrong user name or password".
 */
@ApplicationScoped
public class Logins {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRONG = "The user name or password is wrong.";

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Tokens tokens;

    @Inject
    SecurityAudit audit;

    @Inject
    ApiKeys apiKeys;

    @Inject
    @ConfigProperty(name = "hub.security.refresh-ttl-seconds", defaultValue = "28800")
    long refreshTtlSeconds;

    /** Where a request came from, for the audit trail and the throttle. */
    public record Origin(String address, String userAgent) {
    }

    @Transactional
    public TokenResponse login(String username, String password, Origin origin) {
        Instant now = Instant.now();
        Optional<Duration> pause = throttle.pause(username, origin.address(), now);
        if (pause.isPresent()) {
            long seconds = Math.max(1, pause.get().toSeconds());
            audit.record(SecurityEvent.failure(HubEvent.SYSTEM_TENANT, "LoginThrottled", username, username,
                    origin.address(), origin.userAgent(), "too many failed logins"));
            throw new ProblemException(429, "Too many failed logins",
                    "Too many failed logins for this user or from this address; try again in " + seconds + " s.",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        Optional<String> tenant = tenantOf(username);
        Optional<User> user = tenant.flatMap(t -> find(t, username));
        if (user.isEmpty()) {
            passwords.burn(password);
        }
        if (user.isEmpty() || !passwords.matches(password, user.get().passwordHash()) || !user.get().enabled()) {
            throttle.failed(username, origin.address(), now);
            String reason = user.isEmpty() ? "unknown user" : user.get().enabled() ? "wrong password" : "user disabled";
            audit.record(SecurityEvent.failure(tenant.orElse(HubEvent.SYSTEM_TENANT), "LoginFailed", username,
                    username, origin.address(), origin.userAgent(), reason));
            throw new ProblemException(401, "Login failed", WRONG, Map.of("WWW-Authenticate", "Bearer realm=\"hms-hub\""));
        }
        throttle.succeeded(username);
        audit.record(SecurityEvent.success(tenant.get(), "LoginSucceeded", username, username, origin.address(),
                origin.userAgent()));
        return issue(tenant.get(), user.get());
    }

    /**
     * The client-credentials grant of a service account: its API key for an access token of its user (no refresh
     * token — the key gets a new one). Refusals are audited like failed logins.
     */
    @Transactional
    public TokenResponse clientCredentials(String apiKey, Origin origin) {
        java.util.Optional<org.hms.hub.platform.security.Caller> caller = apiKeys.authenticate(apiKey);
        if (caller.isEmpty()) {
            audit.record(SecurityEvent.failure(HubEvent.SYSTEM_TENANT, "LoginFailed", "api-key", "api-key",
                    origin.address(), origin.userAgent(), "invalid API key"));
            throw new ProblemException(401, "Login failed", "The client secret is not a valid API key.",
                    Map.of("WWW-Authenticate", "Bearer realm=\"hms-hub\""));
        }
        org.hms.hub.platform.security.Caller c = caller.get();
        User user = find(c.tenant(), c.username()).orElseThrow();
        audit.record(SecurityEvent.success(c.tenant(), "LoginSucceeded", c.username(), c.username(), origin.address(),
                origin.userAgent()));
        String access = tokens.issue(user.id(), user.username(), c.tenant(), user.roles());
        return new TokenResponse(access, "Bearer", tokens.ttl().toSeconds(), null, 0, c.tenant(), user.roles());
    }

    @Transactional
    public TokenResponse refresh(String refreshToken, Origin origin) {
        String[] parts = refreshToken == null ? new String[0] : refreshToken.split("\\.", 2);
        String tenant;
        try {
            tenant = parts.length == 2 ? new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                    : null;
        } catch (IllegalArgumentException e) {
            tenant = null;
        }
        RefreshToken stored = tenant == null ? null : tenancy.bind(em, tenant).find(RefreshToken.class, digest(refreshToken));
        if (stored == null || !stored.redeem()) {
            throw new ProblemException(401, "Refresh refused",
                    "The refresh token is unknown, used already or expired; log in again.",
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        User user = em.find(User.class, stored.userId());
        if (user == null || !user.enabled()) {
            throw new ProblemException(401, "Refresh refused", "The user no longer exists or is disabled.",
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        audit.record(SecurityEvent.success(tenant, "TokenRefreshed", user.username(), user.username(),
                origin.address(), origin.userAgent()));
        return issue(tenant, user);
    }

    private TokenResponse issue(String tenant, User user) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(tenant.getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.persist(new RefreshToken(digest(refresh), user.id(),
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(refreshTtlSeconds)));
        String access = tokens.issue(user.id(), user.username(), tenant, user.roles());
        return new TokenResponse(access, "Bearer", tokens.ttl().toSeconds(), refresh, refreshTtlSeconds, tenant,
                user.roles());
    }

    /** The tenant of a user name: the one lookup that crosses tenants, since a login names no tenant. */
    private Optional<String> tenantOf(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = Tenancy.acrossTenants(em, "SELECT tenant_id FROM hub_user WHERE username = ?")
                .setParameter(1, username).getResultList();
        return rows.stream().findFirst();
    }

    private Optional<User> find(String tenant, String username) {
        return tenancy.bind(em, tenant).createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    static String digest(String value) {
        return org.hms.hub.platform.security.Digests.sha256(value);
    }
}
