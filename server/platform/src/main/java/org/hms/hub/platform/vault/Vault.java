package org.hms.hub.platform.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The credential vault: secrets of the current tenant (connector passwords, API keys, client secrets, webhook
 * signing secrets) stored AES-256-GCM encrypted, each ciphertext with the id of its key and bound to its tenant
 * and purpose (additional authenticated data), so a ciphertext copied to another row or tenant does not decrypt.
 * Modules keep the returned id; the value leaves the vault only through {@link #reveal(long)}, for an outbound
 * call, and never in a response, event or log line.
 */
@ApplicationScoped
public class Vault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    VaultKeys keys;

    /** Stores a secret for the current tenant; returns its id. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long store(String purpose, String value) {
        require(value);
        String keyId = keys.activeId();
        Secret secret = new Secret(purpose, keyId, encrypt(keyId, tenant.current(), purpose, value));
        tenancy.bind(em).persist(secret);
        em.flush();
        return secret.id();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void replace(long id, String value) {
        require(value);
        Secret secret = find(id);
        String keyId = keys.activeId();
        secret.replace(keyId, encrypt(keyId, tenant.current(), secret.purpose(), value));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public String reveal(long id) {
        Secret secret = find(id);
        return decrypt(secret.keyId(), tenant.current(), secret.purpose(), secret.ciphertext());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void delete(long id) {
        em.remove(find(id));
    }

    /** What one batch of a rotation did: re-encrypted, could not be read, and the last id it looked at. */
    public record Batch(int reencrypted, java.util.List<Long> unreadable, long lastId, boolean more) {
    }

    /**
     * Re-encrypts under the active key the secrets of one tenant with ids above {@code afterId} that are under an
     * older key, at most {@code size} of them. A secret that no key can read (its row was altered) is left as it
     * is and reported, so that it cannot stop the rotation of the others.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch reencrypt(String tenantId, String activeKey, long afterId, int size) {
        var stale = tenancy.bind(em, tenantId).createNamedQuery(Secret.NOT_UNDER_KEY, Secret.class)
                .setParameter("keyId", activeKey).setParameter("afterId", afterId).setMaxResults(size).getResultList();
        int done = 0;
        java.util.List<Long> unreadable = new java.util.ArrayList<>();
        long last = afterId;
        for (Secret secret : stale) {
            last = secret.id();
            try {
                String value = decrypt(secret.keyId(), tenantId, secret.purpose(), secret.ciphertext());
                secret.replace(activeKey, encrypt(activeKey, tenantId, secret.purpose(), value));
                done++;
            } catch (IllegalStateException unreadableRow) {
                unreadable.add(secret.id());
            }
        }
        return new Batch(done, java.util.List.copyOf(unreadable), last, stale.size() == size);
    }

    private Secret find(long id) {
        Secret secret = tenancy.bind(em).find(Secret.class, id);
        if (secret == null) {
            throw new ProblemException(404, "No such secret", "There is no secret " + id + ".");
        }
        return secret;
    }

    private String encrypt(String keyId, String tenantId, String purpose, String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(tenantId, purpose));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private String decrypt(String keyId, String tenantId, String purpose, String ciphertext) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(aad(tenantId, purpose));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret could not be decrypted (wrong key or altered row)", e);
        }
    }

    private static byte[] aad(String tenantId, String purpose) {
        return (tenantId + "\u0000" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static void require(String value) {
        if (value == null || value.isEmpty()) {
            throw new ProblemException(422, "Secret missing", "A secret value is required.");
        }
        if (value.length() > 4000) {
            throw new ProblemException(422, "Secret too long", "A secret may have at most 4000 characters.");
        }
    }
}
