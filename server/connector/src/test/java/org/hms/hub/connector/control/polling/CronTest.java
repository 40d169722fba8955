package org.hms.hub.connector.control.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronTest {

    private static final ZonedDateTime T = ZonedDateTime.parse("2026-11-22T10:07:30Z");

    @Test
    void stepsThroughMinutes() {
        assertThat(Cron.parse("*/5 * * * *").next(T)).isEqualTo(ZonedDateTime.parse("2026-11-22T10:10:00Z"));
        assertThat(Cron.parse("* * * * *").next(T)).isEqualTo(ZonedDateTime.parse("2026-11-22T10:08:00Z"));
    }

    @Test
    void findsTheNextDailyRunTomorrowWhenTodaysHasPassed() {
        assertThat(Cron.parse("30 2 * * *").next(T)).isEqualTo(ZonedDateTime.parse("2026-11-23T02:30:00Z"));
    }

    @Test
    void matchesWeekdaysAndSundayAsSeven() {
        // 2026-11-22 is a Sunday
        assertThat(Cron.parse("0 9 * * 1-5").next(T)).isEqualTo(ZonedDateTime.parse("2026-11-23T09:00:00Z"));
        assertThat(Cron.parse("0 12 * * 7").next(T)).isEqualTo(ZonedDateTime.parse("2026-11-22T12:00:00Z"));
    }

    @Test
    void crossesMonthsAndYears() {
        assertThat(Cron.parse("0 0 1 1 *").next(T)).isEqualTo(ZonedDateTime.parse("2027-01-01T00:00:00Z"));
        assertThat(Cron.parse("15 6 29 2 *").next(T)).isEqualTo(ZonedDateTime.parse("2028-02-29T06:15:00Z"));
    }

    @Test
    void rejectsMalformedExpressionsNamingTheField() {
        assertThatThrownBy(() -> Cron.parse("*/5 * * *")).hasMessageContaining("five fields");
        assertThatThrownBy(() -> Cron.parse("61 * * * *")).hasMessageContaining("minute");
        assertThatThrownBy(() -> Cron.parse("0 x * * *")).hasMessageContaining("hour");
        assertThatThrownBy(() -> Cron.parse("0 0 31 2 *").next(T)).hasMessageContaining("never matches");
    }
}
