package org.hms.hub.console.client;

import org.hms.hub.model.problem.Problem;

/**
 * A call to the hub that failed, with a message fit for a dialog and, when the hub answered, its problem
 * details (field errors included).
 */
public class HubException extends Exception {

    /** What kind of failure, so that the console can react (e.g. back to the login on UNAUTHORIZED). */
    public enum Kind { UNREACHABLE, TLS, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, INVALID, THROTTLED, SERVER, OTHER }

    private final Kind kind;
    private final transient Problem problem;

    public HubException(Kind kind, String message, Problem problem, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problem = problem;
    }

    public Kind kind() {
        return kind;
    }

    /** The hub's problem details, or null when it did not answer. */
    public Problem problem() {
        return problem;
    }

    static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409, 412, 428 -> Kind.CONFLICT;
            case 400, 422 -> Kind.INVALID;
            case 429 -> Kind.THROTTLED;
            default -> status >= 500 ? Kind.SERVER : Kind.OTHER;
        };
    }
}
