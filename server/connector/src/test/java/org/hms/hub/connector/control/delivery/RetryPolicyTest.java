package org.hms.hub.connector.control.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hms.hub.connector.control.delivery.RetryPolicy.Verdict;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.of(9, 1000);

    @Test
    void retriesTimeoutsThrottlingAndServerErrorsOnly() {
        assertThat(RetryPolicy.classify(200)).isEqualTo(Verdict.DELIVERED);
        assertThat(RetryPolicy.classify(204)).isEqualTo(Verdict.DELIVERED);
        assertThat(RetryPolicy.classify(408)).isEqualTo(Verdict.RETRY);
        assertThat(RetryPolicy.classify(429)).isEqualTo(Verdict.RETRY);
        assertThat(RetryPolicy.classify(500)).isEqualTo(Verdict.RETRY);
        assertThat(RetryPolicy.classify(503)).isEqualTo(Verdict.RETRY);
        assertThat(RetryPolicy.classify(400)).isEqualTo(Verdict.REJECTED);
        assertThat(RetryPolicy.classify(404)).isEqualTo(Verdict.REJECTED);
        assertThat(RetryPolicy.classify(302)).isEqualTo(Verdict.REJECTED);
        assertThat(RetryPolicy.classify(410)).isEqualTo(Verdict.GONE);
    }

    @Test
    void countsTheFirstAttemptAmongTheAttempts() {
        assertThat(policy.maxAttempts()).isEqualTo(10);
        assertThat(policy.exhausted(9)).isFalse();
        assertThat(policy.exhausted(10)).isTrue();
    }

    @Test
    void doublesTheDelayWithJitterBetweenHalfAndAll() {
        assertThat(policy.delayMillis(1, null, () -> 0.0)).isEqualTo(500);
        assertThat(policy.delayMillis(1, null, () -> 1.0)).isEqualTo(1000);
        assertThat(policy.delayMillis(2, null, () -> 1.0)).isEqualTo(2000);
        assertThat(policy.delayMillis(4, null, () -> 1.0)).isEqualTo(8000);
        assertThat(policy.delayMillis(4, null, () -> 0.5)).isBetween(4000L, 8000L);
    }

    @Test
    void capsTheDelayAtTenMinutes() {
        assertThat(policy.delayMillis(30, null, () -> 1.0)).isEqualTo(600_000);
    }

    @Test
    void neverRetriesSoonerThanRetryAfter() {
        assertThat(policy.delayMillis(1, 30_000L, () -> 1.0)).isEqualTo(30_000);
        assertThat(policy.delayMillis(1, 5_000_000L, () -> 1.0)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER_MILLIS);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(RetryPolicy.retryAfterMillis("120", now)).isEqualTo(120_000);
        assertThat(RetryPolicy.retryAfterMillis("Sun, 22 Nov 2026 10:00:30 GMT", now)).isEqualTo(30_000);
        assertThat(RetryPolicy.retryAfterMillis("soon", now)).isNull();
        assertThat(RetryPolicy.retryAfterMillis(null, now)).isNull();
    }
}
