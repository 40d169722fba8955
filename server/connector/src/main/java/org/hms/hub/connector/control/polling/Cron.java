package org.hms.hub.connector.control.polling;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression — minute, hour, day of month, month, day of week (0 or 7 = Sunday) — with
 * {@code *}, {@code a-b}, {@code a,b}, and steps {@code * /n} or {@code a-b/n}. When both day fields are
 * restricted, a day matching either one matches (as in Vixie cron). Pure.
 */
public final class Cron {

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;
    private final String text;

    private Cron(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("A cron expression has five fields (minute hour day month weekday): '"
                    + text + "'.");
        }
        this.text = text.trim();
        minutes = field(f[0], 0, 59, "minute");
        hours = field(f[1], 0, 23, "hour");
        days = field(f[2], 1, 31, "day of month");
        months = field(f[3], 1, 12, "month");
        weekdays = field(f[4], 0, 7, "day of week");
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        anyDay = f[2].equals("*");
        anyWeekday = f[4].equals("*");
    }

    public static Cron parse(String text) {
        return new Cron(text);
    }

    /** The first matching minute strictly after {@code after}; within four years, else an exception. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(4);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalArgumentException("The cron expression '" + text + "' never matches.");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean day = days.get(t.getDayOfMonth());
        boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (anyDay && anyWeekday) {
            return true;
        }
        if (anyDay) {
            return weekday;
        }
        if (anyWeekday) {
            return day;
        }
        return day || weekday;
    }

    private static BitSet field(String spec, int min, int max, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, name);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = number(range.substring(0, range.indexOf('-')), min, max, name);
                to = number(range.substring(range.indexOf('-') + 1), min, max, name);
            } else {
                from = number(range, min, max, name);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException("The " + name + " range " + range + " runs backwards.");
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, int min, int max, String name) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("The " + name + " " + v + " is outside " + min + "-" + max + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number (" + name + ").");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
