package org.hms.hub.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The verified caller of the current API request, if any; boundaries use it to name the actor of a change. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** The caller's user name, or {@code system} for work no user asked for (messages, timers). */
    public String actor() {
        return caller != null ? caller.username() : "system";
    }
}
