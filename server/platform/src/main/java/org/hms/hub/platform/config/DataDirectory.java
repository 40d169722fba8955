package org.hms.hub.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardOpenOption;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The hub's data directory ({@code hub.data-dir}, default {@code ./data}): keys generated on first start live
 * under {@code keys/}, written readable by the owner only.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path root() {
        return Path.of(ConfigProvider.getConfig().getOptionalValue("hub.data-dir", String.class).orElse("data"));
    }

    /** Writes a new file that only the owner may read or write; fails if it exists (two instances racing). */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".new-", ".tmp");
        try {
            restrict(temp);
            Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file); // no REPLACE_EXISTING: a file another instance wrote first wins
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }
}
