package org.hms.hub.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortTermCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    private String absent(String key) {
        loads.incrementAndGet();
        return null;
    }

    @Test
    void answersFromWhatItKeptUntilTheAnswerIsForgotten() {
        ShortTermCache<String, String> cache = ShortTermCache.of(Duration.ofMinutes(1), false);

        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
        cache.forget("a", null);

        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
        cache.forgetAll(null);
        assertThat(cache.get("b", this::load)).isEqualTo("b#4");
    }

    @Test
    void keepsNothingWhenTheKeepingTimeIsZero() {
        ShortTermCache<String, String> cache = ShortTermCache.of(Duration.ZERO, true);

        cache.get("a", this::load);
        cache.get("a", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void keepsAnAbsentAnswerOnlyWhenMadeTo() {
        ShortTermCache<String, String> absentKept = ShortTermCache.of(Duration.ofMinutes(1), true);
        ShortTermCache<String, String> absentRead = ShortTermCache.of(Duration.ofMinutes(1), false);

        for (int i = 0; i < 3; i++) {
            assertThat(absentKept.get("a", this::absent)).isNull();
        }
        assertThat(loads).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThat(absentRead.get("a", this::absent)).isNull();
        }
        assertThat(loads).hasValue(4);
    }

    @Test
    void keepsAnAnswerNoLongerThanItIsValid() throws InterruptedException {
        ShortTermCache<String, String> cache = ShortTermCache.of(Duration.ofMinutes(1), false);

        cache.get("a", this::load, v -> Duration.ofMillis(50));
        assertThat(cache.get("a", this::load, v -> Duration.ofMillis(50))).isEqualTo("a#1");
        Thread.sleep(80);

        assertThat(cache.get("a", this::load, v -> Duration.ofMillis(50))).isEqualTo("a#2");
        assertThat(cache.get("b", this::load, v -> Duration.ofSeconds(-1))).isEqualTo("b#3");
        assertThat(cache.get("b", this::load, v -> Duration.ofSeconds(-1))).isEqualTo("b#4");
    }

    @Test
    void forgetsOnceMoreWhenTheChangingTransactionHasEnded() {
        ShortTermCache<String, String> cache = ShortTermCache.of(Duration.ofMinutes(1), false);
        OneTransaction tx = new OneTransaction();
        cache.get("a", this::load);

        cache.forget("a", tx);
        // a reader between the change and its commit keeps the old state
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        tx.end(Status.STATUS_COMMITTED);

        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
    }

    /** The one transaction a change runs in: active until {@link #end}, then completes its synchronizations. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        private final List<Synchronization> synchronizations = new ArrayList<>();
        private final java.util.Map<Object, Object> resources = new java.util.HashMap<>();
        private int status = Status.STATUS_ACTIVE;

        void end(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
