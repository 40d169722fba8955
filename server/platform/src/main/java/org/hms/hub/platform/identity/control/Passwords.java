package org.hms.hub.platform.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.hms.hub.platform.problem.ProblemException;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA-512, 210,000 iterations, 32-byte salt): slow,
 * salted, and the platform's own well-kept implementation. Also the password policy.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;

    @Inject
    Pbkdf2PasswordHash hash;

    /** A hash of a password nobody has, so that unknown users cost as much time as known ones. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    public String hash(String password) {
        requireAcceptable(password);
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return password != null && hash.verify(password.toCharArray(), stored);
    }

    /** Spends the time of one verification, for a user that does not exist. */
    public void burn(String password) {
        hash.verify(password == null ? new char[0] : password.toCharArray(), decoy);
    }

    public static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new ProblemException(422, "Password too weak",
                    "A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            throw new ProblemException(422, "Password too long", "A password may have at most 200 characters.");
        }
    }
}
