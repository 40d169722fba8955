package org.hms.hub.platform.cache;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hms.hub.platform.transaction.AfterCompletion;

/**
 * Answers read from the database that hot paths ask for again and again (what a webhook's connector is, where an
 * integration routes it), kept for a few seconds. The owner of the data calls {@link #forget} or
 * {@link #forgetAll} inside the transaction that changes it: the answer goes at once, and once more when that
 * transaction has ended — a reader between the change and its commit would otherwise have kept the old answer.
 * Changes made elsewhere (another instance of a cluster, the database by hand) are seen within the keeping time.
 *
 * @param <K> the question
 * @param <V> the answer; {@code null} answers are kept too when the cache is made to keep them
 */
public final class ShortTermCache<K, V> {

    private final long keepNanos;
    private final boolean keepAbsent;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    private record Kept<V>(V value, long until) {
    }

    private ShortTermCache(Duration keep, boolean keepAbsent) {
        this.keepNanos = keep.isNegative() ? 0 : keep.toNanos();
        this.keepAbsent = keepAbsent;
    }

    /**
     * @param configKey  the MicroProfile Config key of the keeping time (ISO-8601 duration; PT0S keeps nothing)
     * @param keepAbsent whether a {@code null} answer is kept as well
     */
    public static <K, V> ShortTermCache<K, V> configured(String configKey, Duration byDefault, boolean keepAbsent) {
        return of(ConfigProvider.getConfig().getOptionalValue(configKey, Duration.class).orElse(byDefault),
                keepAbsent);
    }

    /** A cache keeping answers for {@code keep}. */
    public static <K, V> ShortTermCache<K, V> of(Duration keep, boolean keepAbsent) {
        return new ShortTermCache<>(keep, keepAbsent);
    }

    /** The kept answer, or the loader's, kept from now on. */
    public V get(K key, Function<K, V> load) {
        return get(key, load, v -> null);
    }

    /**
     * As {@link #get(Object, Function)}; {@code validFor} may shorten how long an answer is kept (for an answer
     * that stops being true at a known time), or return null for no limit of its own.
     */
    public V get(K key, Function<K, V> load, Function<V, Duration> validFor) {
        long now = System.nanoTime();
        Kept<V> k = kept.get(key);
        if (k != null && now - k.until() < 0) {
            return k.value();
        }
        V value = load.apply(key);
        if (keepNanos == 0 || value == null && !keepAbsent) {
            kept.remove(key);
            return value;
        }
        long keep = keepNanos;
        Duration limit = value == null ? null : validFor.apply(value);
        if (limit != null) {
            keep = Math.min(keep, Math.max(0, limit.toNanos()));
        }
        kept.put(key, new Kept<>(value, now + keep));
        return value;
    }

    /** Forgets one answer now and, inside a transaction, when it has ended. */
    public void forget(K key, TransactionSynchronizationRegistry transactions) {
        kept.remove(key);
        AfterCompletion.always(transactions, () -> kept.remove(key));
    }

    /** Forgets every answer now and, inside a transaction, when it has ended. */
    public void forgetAll(TransactionSynchronizationRegistry transactions) {
        kept.clear();
        AfterCompletion.always(transactions, kept::clear);
    }
}
