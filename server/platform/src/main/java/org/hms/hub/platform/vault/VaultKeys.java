package org.hms.hub.platform.vault;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.platform.config.DataDirectory;

/**
 * The vault's AES-256 master keys, each with an id. Either from configuration — {@code hub.vault.keys}
 * ({@code id:base64,id:base64}, e.g. from the environment variable {@code HUB_VAULT_KEYS}) with
 * {@code hub.vault.active-key} naming the one new secrets use — or from the key file
 * {@code <data-dir>/keys/vault.keys} (one {@code id:base64} per line, the last one active), generated on first
 * start with owner-only permissions. Rotation adds a key to the file; with configured keys, the operator adds
 * the key to the configuration instead and rotation re-encrypts with it.
 */
@ApplicationScoped
public class VaultKeys {

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private String active;
    private Path file;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        Optional<String> configured = config.getOptionalValue("hub.vault.keys", String.class);
        if (configured.isPresent()) {
            for (String entry : configured.get().split(",")) {
                put(entry.strip(), "hub.vault.keys");
            }
            active = config.getOptionalValue("hub.vault.active-key", String.class)
                    .orElseGet(() -> keys.keySet().stream().reduce((a, b) -> b).orElseThrow());
            if (!keys.containsKey(active)) {
                throw new IllegalStateException("hub.vault.active-key names no key of hub.vault.keys");
            }
            return;
        }
        file = config.getOptionalValue("hub.vault.key-file", String.class).map(Path::of)
                .orElse(DataDirectory.root().resolve("keys").resolve("vault.keys"));
        try {
            if (!Files.exists(file)) {
                try {
                    DataDirectory.writeOwnerOnly(file, (newKeyLine() + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (FileAlreadyExistsException raced) {
                    // another instance made it first; read theirs
                }
            }
            readFile();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vault key file " + file, e);
        }
    }

    private void readFile() throws IOException {
        keys.clear();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                put(line.strip(), file.toString());
                active = line.strip().substring(0, line.strip().indexOf(':'));
            }
        }
        if (active == null) {
            throw new IllegalStateException("The vault key file " + file + " holds no key");
        }
    }

    private void put(String entry, String source) {
        int colon = entry.indexOf(':');
        byte[] raw;
        try {
            raw = colon > 0 ? Base64.getDecoder().decode(entry.substring(colon + 1)) : new byte[0];
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalStateException("A vault key in " + source + " is not 'id:<base64 of 32 bytes>'");
        }
        keys.put(entry.substring(0, colon), new SecretKeySpec(raw, "AES"));
    }

    private static String newKeyLine() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return UUID.randomUUID().toString().substring(0, 8) + ":" + Base64.getEncoder().encodeToString(raw);
    }

    synchronized String activeId() {
        return active;
    }

    synchronized SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("The vault has no key '" + id + "'; it is needed to read a secret");
        }
        return key;
    }

    /** Makes a new key the active one (key-file mode); with configured keys, keeps the configured active key. */
    synchronized String rotate() {
        if (file == null) {
            return active;
        }
        try {
            Files.writeString(file, newKeyLine() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            readFile();
            return active;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add a key to " + file, e);
        }
    }

    /** Re-reads the key file, so that an instance sees a key another instance added by rotation. */
    synchronized void reload() {
        if (file != null) {
            try {
                readFile();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the vault key file " + file, e);
            }
        }
    }
}
