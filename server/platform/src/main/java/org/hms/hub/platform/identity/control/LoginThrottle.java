package org.hms.hub.platform.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code hub.security.login.failures-per-user} (5) failed logins for one
 * user name, or {@code hub.security.login.failures-per-address} (20; an address may be a whole ward behind one
 * proxy) from one address, within {@link #WINDOW}, further attempts are refused for a pause that doubles with
 * each failure (30 s up to 15 min). Kept per instance, in memory; a success for the user clears that user's count.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant first, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int perUser;
    private final int perAddress;

    public LoginThrottle() {
        this(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("hub.security.login.failures-per-user", Integer.class).orElse(5),
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("hub.security.login.failures-per-address", Integer.class).orElse(20));
    }

    LoginThrottle(int perUser, int perAddress) {
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> pause(String username, String address, Instant now) {
        return max(pauseFor("user:" + normalize(username), perUser, now), pauseFor("addr:" + address, perAddress, now));
    }

    public void failed(String username, String address, Instant now) {
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(WINDOW).isBefore(now));
        }
        for (String key : new String[] {"user:" + normalize(username), "addr:" + address}) {
            failures.merge(key, new Failures(1, now, now), (old, one) -> old.first().plus(WINDOW).isBefore(now)
                    ? one : new Failures(old.count() + 1, old.first(), now));
        }
    }

    public void succeeded(String username) {
        failures.remove("user:" + normalize(username));
    }

    private Optional<Duration> pauseFor(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || f.first().plus(WINDOW).isBefore(now)) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(f.count() - free, 10);
        Duration pause = FIRST_PAUSE.multipliedBy(factor);
        Instant until = f.last().plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
