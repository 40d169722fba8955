package org.hms.hub.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.platform.config.DataDirectory;

/**
 * The RSA key pair the hub signs its tokens with (RS256): the JWK file named by
 * {@code hub.security.jwt.key-file}, or {@code <data-dir>/keys/jwt-signing.jwk}, generated on first start
 * (2048-bit, owner-only file). Instances of a cluster must be given the same file.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

    private RSAKey key;

    @PostConstruct
    void load() {
        Path file = ConfigProvider.getConfig().getOptionalValue("hub.security.jwt.key-file", String.class)
                .map(Path::of).orElse(DataDirectory.root().resolve("keys").resolve("jwt-signing.jwk"));
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException("The token signing key file " + file + " holds no private key");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The token signing key file " + file + " is not a JWK", e);
        }
    }

    private static void generate(Path file) throws IOException {
        try {
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString()).generate();
            DataDirectory.writeOwnerOnly(file, generated.toJSONString().getBytes(StandardCharsets.UTF_8));
            LOG.info(() -> "Generated the token signing key " + generated.getKeyID() + " in " + file);
        } catch (FileAlreadyExistsException raced) {
            LOG.fine("Another instance generated the signing key first");
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the token signing key", e);
        }
    }

    RSAKey key() {
        return key;
    }
}
