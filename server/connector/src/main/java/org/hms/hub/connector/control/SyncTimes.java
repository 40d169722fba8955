package org.hms.hub.connector.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.transaction.AfterCompletion;

/**
 * When each connector last synced (its {@code last_synced_at}): noted in memory once the transaction that synced
 * commits, and written by {@link #flush} every few seconds in a short transaction of its own.
 * <p>
 * Writing the time inside the transaction that delivered or fanned out an item made every such transaction of one
 * connector update the same row: each waited for the row lock of the one before until that one had committed
 * (6–13 ms on average per delivery on PostgreSQL in the order benchmark). The time shown is now up to a few seconds
 * old, and a crash loses at most those seconds of it; it only ever moves forward, also between the instances of a
 * cluster.
 */
@ApplicationScoped
public class SyncTimes {

    private record Key(String tenant, long connectorId) {
    }

    private final Map<Key, OffsetDateTime> noted = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    /** Notes that the tenant's connector synced now, once the current transaction commits (at once without one). */
    public void synced(String tenant, long connectorId) {
        Key key = new Key(tenant, connectorId);
        AfterCompletion.onCommit(transactions, () -> noted.merge(key, OffsetDateTime.now(ZoneOffset.UTC),
                (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Whether any time waits to be written. */
    public boolean pending() {
        return !noted.isEmpty();
    }

    /**
     * Writes the noted times, each only where it is later than the stored one. A time noted again meanwhile stays
     * for the next flush; after a failure every time stays.
     *
     * @return how many connectors were written
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int flush() {
        Map<Key, OffsetDateTime> taken = Map.copyOf(noted);
        for (Map.Entry<Key, OffsetDateTime> e : taken.entrySet()) {
            Tenancy.acrossTenants(em, "UPDATE con_connector SET last_synced_at = ? WHERE id = ? AND tenant_id = ?"
                            + " AND (last_synced_at IS NULL OR last_synced_at < ?)")
                    .setParameter(1, e.getValue()).setParameter(2, e.getKey().connectorId())
                    .setParameter(3, e.getKey().tenant()).setParameter(4, e.getValue()).executeUpdate();
        }
        // forgotten once written: a time noted again meanwhile is not the one taken and stays
        AfterCompletion.onCommit(transactions, () -> taken.forEach(noted::remove));
        return taken.size();
    }
}
