package org.hms.hub.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.platform.config.DataDirectory;
import org.hms.hub.platform.tenancy.Tenancy;

/**
 * Retention: entries older than {@code hub.audit.retention} (default P6Y, HIPAA's documentation rule) are first
 * archived — a CSV file per run under {@code hub.audit.archive-dir} (default {@code <data-dir>/audit-archive}),
 * written and synced before anything is removed, with its SHA-256 next to it — and then pruned from the start of
 * the tenant's chain. The last pruned entry becomes the chain's anchor (its position and hash), from which the
 * remaining chain still verifies. On PostgreSQL the pruning runs inside {@code aud_prune()} (the application
 * role has no DELETE on the entries); on the embedded H2 it is a plain DELETE.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @PersistenceContext(unitName = "audit")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    RetentionStore store;

    public record Pruned(String tenant, long removed, Long anchorSeq, Path archive) {
    }

    public static Period retention() {
        return ConfigProvider.getConfig().getOptionalValue("hub.audit.retention", String.class).map(Period::parse)
                .orElse(Period.ofYears(6));
    }

    static Path archiveDir() {
        return ConfigProvider.getConfig().getOptionalValue("hub.audit.archive-dir", String.class).map(Path::of)
                .orElse(DataDirectory.root().resolve("audit-archive"));
    }

    /** The tenants that have a chain. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> tenants() {
        return Tenancy.acrossTenants(em, "SELECT tenant_id FROM aud_chain ORDER BY tenant_id").getResultList();
    }

    /** Archives and prunes the tenant's entries recorded before {@code cutoff}. */
    public Pruned prune(String tenant, OffsetDateTime cutoff) {
        List<AuditEntry> old = store.oldest(tenant, cutoff);
        if (old.isEmpty()) {
            return new Pruned(tenant, 0, null, null);
        }
        long firstSeq = old.get(0).seq();
        long lastSeq = old.get(old.size() - 1).seq();
        Path file = archiveDir().resolve(safe(tenant)).resolve("audit-" + firstSeq + "-" + lastSeq + ".csv");
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(String.join(",", AuditExports.CSV_COLUMNS));
                out.write("\r\n");
                for (AuditEntry e : old) {
                    AuditExports.row(out, e);
                }
            }
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"),
                    org.hms.hub.platform.security.Digests.sha256(Files.readAllBytes(file)) + "  " + file.getFileName()
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("The audit archive " + file + " could not be written; nothing was pruned", e);
        }
        long removed = store.remove(tenant, lastSeq, cutoff);
        LOG.info(() -> "Audit retention: archived and pruned " + removed + " entries of tenant " + tenant + " (to "
                + file + ")");
        return new Pruned(tenant, removed, lastSeq, file);
    }

    private static String safe(String tenant) {
        return tenant.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
