package org.hms.hub.platform.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hms.hub.model.event.SecurityEvent;
import org.hms.hub.model.identity.ApiKeyView;
import org.hms.hub.platform.identity.entity.ApiKey;
import org.hms.hub.platform.identity.entity.User;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.Caller;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.security.Roles;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * API keys of service accounts — users whose only role is {@code hub-publisher}: {@code hk_<key id>_<secret>},
 * 32 random bytes of secret, kept as their SHA-256 (a digest is enough for a random secret of that size) and
 * compared in constant time. A key acts as its user, in its user's tenant, with its user's roles; it stops
 * working when revoked or when its user is disabled.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String PREFIX = "hk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentCaller caller;

    @Inject
    EventPublisher events;

    @Transactional
    public ApiKeyView issue(long userId, String name) {
        User user = user(userId);
        InvalidFields errors = new InvalidFields();
        errors.check(name != null && !name.isBlank() && name.length() <= 120, "name",
                "Say what the key is for, in at most 120 characters.");
        errors.check(user.roles().equals(Set.of(Roles.PUBLISHER)), "userId", "API keys are for service accounts: "
                + "users whose only role is " + Roles.PUBLISHER + ". People log in with their password.");
        errors.throwIfAny();
        String keyId = random(12);
        String secret = random(32);
        ApiKey key = new ApiKey(userId, keyId, sha256(secret), name.strip(), caller.actor());
        em.persist(key);
        em.flush();
        events.publish(SecurityEvent.success(tenant.current(), "ApiKeyIssued", caller.actor(), user.username(), null,
                null));
        return view(key, PREFIX + keyId + "_" + secret);
    }

    @Transactional
    public List<ApiKeyView> list(long userId) {
        user(userId);
        return em.createNamedQuery(ApiKey.OF_USER, ApiKey.class).setParameter("userId", userId).getResultList()
                .stream().map(k -> view(k, null)).toList();
    }

    @Transactional
    public ApiKeyView revoke(long userId, long keyId) {
        User user = user(userId);
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || key.userId() != userId) {
            throw new ProblemException(404, "No such API key", "User " + userId + " has no API key " + keyId + ".");
        }
        key.revoke();
        events.publish(SecurityEvent.success(tenant.current(), "ApiKeyRevoked", caller.actor(), user.username(), null,
                null));
        return view(key, null);
    }

    /** The caller an API key stands for, if it is one of the hub's, not revoked, and its user enabled. */
    @Transactional
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int split = presented.indexOf('_', PREFIX.length());
        if (split < 0) {
            return Optional.empty();
        }
        String keyId = presented.substring(PREFIX.length(), split);
        String secret = presented.substring(split + 1);
        List<?> owner = Tenancy.acrossTenants(em, "SELECT tenant_id FROM hub_api_key WHERE key_id = ?")
                .setParameter(1, keyId).getResultList();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        String tenantId = (String) owner.get(0);
        Optional<ApiKey> key = tenancy.bind(em, tenantId).createNamedQuery(ApiKey.BY_KEY_ID, ApiKey.class)
                .setParameter("keyId", keyId).getResultStream().findFirst();
        if (key.isEmpty() || key.get().revoked() || !MessageDigest.isEqual(
                key.get().secretSha256().getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        User user = em.find(User.class, key.get().userId());
        if (user == null || !user.enabled()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // at most one write a minute per key
        Tenancy.acrossTenants(em, "UPDATE hub_api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL"
                + " OR last_used_at < ?)").setParameter(1, now).setParameter(2, key.get().id())
                .setParameter(3, now.minusMinutes(1)).executeUpdate();
        return Optional.of(new Caller("api-key:" + keyId, user.username(), tenantId, user.roles(), "hms-hub"));
    }

    private User user(long id) {
        User user = tenancy.bind(em).find(User.class, id);
        if (user == null) {
            throw new ProblemException(404, "No such user", "There is no user " + id + ".");
        }
        return user;
    }

    private static ApiKeyView view(ApiKey k, String key) {
        return new ApiKeyView(k.id(), k.userId(), k.name(), k.keyId(), key, k.createdAt(), k.createdBy(),
                k.lastUsedAt(), k.revokedAt());
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('_', 'x').replace('-', 'y');
    }

    static String sha256(String s) {
        return org.hms.hub.platform.security.Digests.sha256(s);
    }
}
