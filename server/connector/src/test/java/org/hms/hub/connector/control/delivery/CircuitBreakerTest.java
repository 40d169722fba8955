package org.hms.hub.connector.control.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hms.hub.connector.control.delivery.CircuitBreaker.Transition;
import org.hms.hub.model.sync.CircuitState;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30));

    @Test
    void opensAfterTheThresholdOfFailuresInARow() {
        assertThat(breaker.record(false, t0)).isEqualTo(Transition.NONE);
        assertThat(breaker.record(true, t0)).isEqualTo(Transition.NONE);
        breaker.record(false, t0);
        breaker.record(false, t0);
        assertThat(breaker.record(false, t0)).isEqualTo(Transition.OPENED);
        assertThat(breaker.state(t0)).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.permit(t0.plusSeconds(10))).isEqualTo(t0.plusSeconds(30));
    }

    @Test
    void letsOneTrialThroughWhenHalfOpenAndClosesOnItsSuccess() {
        for (int i = 0; i < 3; i++) {
            breaker.record(false, t0);
        }
        Instant later = t0.plusSeconds(31);
        assertThat(breaker.state(later)).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.permit(later)).isNull();
        assertThat(breaker.permit(later)).isNotNull();
        assertThat(breaker.record(true, later)).isEqualTo(Transition.CLOSED);
        assertThat(breaker.permit(later)).isNull();
        assertThat(breaker.state(later)).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void opensAgainWhenTheTrialFails() {
        for (int i = 0; i < 3; i++) {
            breaker.record(false, t0);
        }
        Instant later = t0.plusSeconds(31);
        assertThat(breaker.permit(later)).isNull();
        assertThat(breaker.record(false, later)).isEqualTo(Transition.OPENED);
        assertThat(breaker.permit(later.plusSeconds(1))).isEqualTo(later.plusSeconds(30));
    }
}
