package org.hms.hub.platform.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(5, 20);
    private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void letsTheFirstFiveFailuresOfAUserThrough() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("nurse", "10.0.0.1", now);
        }
        assertThat(throttle.pause("nurse", "10.0.0.1", now)).isEmpty();
    }

    @Test
    void pausesAUserAfterFiveFailuresAndDoublesThePause() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("nurse", "10.0.0.1", now);
        }
        assertThat(throttle.pause("nurse", "10.0.0.2", now)).contains(Duration.ofSeconds(30));
        throttle.failed("nurse", "10.0.0.1", now);
        assertThat(throttle.pause("NURSE ", "10.0.0.2", now)).contains(Duration.ofSeconds(60));
        assertThat(throttle.pause("nurse", "10.0.0.2", now.plusSeconds(61))).isEmpty();
    }

    @Test
    void pausesAnAddressAfterTwentyFailuresWhateverTheUserNames() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.9", now);
        }
        assertThat(throttle.pause("someone-else", "10.0.0.9", now)).isPresent();
        assertThat(throttle.pause("someone-else", "10.0.0.10", now)).isEmpty();
    }

    @Test
    void capsThePauseAtFifteenMinutes() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("nurse", "10.0.0." + i, now);
        }
        assertThat(throttle.pause("nurse", "10.0.0.99", now)).contains(Duration.ofMinutes(15));
    }

    @Test
    void forgetsFailuresAfterTheWindowAndOnSuccess() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("nurse", "10.0.0.1", now);
        }
        assertThat(throttle.pause("nurse", "10.0.0.2", now.plus(Duration.ofMinutes(16)))).isEmpty();
        throttle.succeeded("nurse");
        assertThat(throttle.pause("nurse", "10.0.0.2", now)).isEmpty();
    }
}
