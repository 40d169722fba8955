package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.audit.control.AuditExports;
import org.hms.hub.audit.control.AuditQuery;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.audit.control.Retention;
import org.hms.hub.model.audit.AuditVerification;
import org.hms.hub.platform.tenancy.TenantContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: the audit chain shows an entry changed or deleted directly in the database; retention
 * archives and prunes and leaves a chain that still verifies from its anchor (on PostgreSQL the database itself
 * refuses an UPDATE of an entry and a prune of young entries); a CSV export of a million entries streams in the
 * server's bounded heap.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(AuditChainIT.class);
    }

    @EJB
    AuditProbe probe;

    @Inject
    AuditTrail trail;

    @Inject
    Retention retention;

    @Inject
    AuditExports exports;

    @Inject
    TenantContext tenant;

    private static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void detectsAnEntryChangedDirectlyInTheDatabase() throws Exception {
        String t = tenant("tamper");
        probe.record(t, 5);
        AuditVerification intact = trail.verify(t, null, null);
        assertThat(intact.ok()).isTrue();
        assertThat(intact.checked()).isEqualTo(5);

        long id = probe.idOf(t, 3);
        boolean refusedByDatabase = probe.tamper(id);
        assertThat(refusedByDatabase).as("the database refused a plain UPDATE").isEqualTo(probe.postgres());

        AuditVerification v = trail.verify(t, null, null);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(3);
        assertThat(v.brokenEntryId()).isEqualTo(id);
        assertThat(v.problem()).contains("changed");
        assertThat(v.checked()).isEqualTo(2);
    }

    @Test
    void detectsAnEntryDeletedDirectlyInTheDatabase() throws Exception {
        String t = tenant("deleted");
        probe.record(t, 4);
        probe.delete(t, 2);
        AuditVerification v = trail.verify(t, null, null);
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(2);
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void retentionArchivesPrunesAndLeavesAChainThatStillVerifies() throws Exception {
        String t = tenant("retention");
        probe.record(t, 6);
        tenant.set(t);
        if (probe.postgres()) {
            // aud_prune refuses to remove entries less than a day old, whatever the application asks.
            assertThatThrownBy(() -> retention.prune(t, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1)))
                    .hasStackTraceContaining("less than a day old");
            assertThat(trail.verify(t, null, null).checked()).isEqualTo(6);
            return;
        }
        Retention.Pruned pruned = retention.prune(t, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        assertThat(pruned.removed()).isEqualTo(6);
        assertThat(pruned.anchorSeq()).isEqualTo(6);
        assertThat(Files.readAllLines(pruned.archive())).hasSize(7).first().asString().startsWith("id,seq,");
        assertThat(Files.readString(pruned.archive().resolveSibling(pruned.archive().getFileName() + ".sha256")))
                .startsWith(org.hms.hub.platform.security.Digests.sha256(Files.readAllBytes(pruned.archive())));
        probe.record(t, 2);
        AuditVerification v = trail.verify(t, null, null);
        assertThat(v.ok()).as(v.toString()).isTrue();
        assertThat(v.anchorSeq()).isEqualTo(6);
        assertThat(v.firstSeq()).isEqualTo(7);
    }

    @Test
    void exportsAMillionEntriesAsCsvInBoundedMemory() throws Exception {
        String t = tenant("bulk");
        long started = System.nanoTime();
        probe.bulkInsert(t, 1_000_000, 50_000_000_000L);
        long loaded = System.nanoTime();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicLong chars = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        tenant.set(t);
        long rows;
        try (Writer counting = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                chars.addAndGet(len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }) {
            rows = exports.csv(AuditQuery.ALL, counting);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long done = System.nanoTime();
        long max = memory.getHeapMemoryUsage().getMax();
        System.out.printf("Audit CSV export: 1,000,000 entries loaded in %.1f s, exported (%d MB of CSV) in %.1f s"
                        + " (%.0f entries/s); peak heap %d MB of %d MB%n", (loaded - started) / 1e9,
                chars.get() / 1_000_000, (done - loaded) / 1e9, rows / ((done - loaded) / 1e9), peak.get() >> 20,
                max >> 20);
        assertThat(rows).isEqualTo(1_000_000);
        assertThat(chars.get()).as("more CSV than the heap could hold at once").isGreaterThan(max / 3);
        assertThat(peak.get()).isLessThan(max);
    }
}
