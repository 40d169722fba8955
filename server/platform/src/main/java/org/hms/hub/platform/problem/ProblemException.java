package org.hms.hub.platform.problem;

/**
 * A failure the caller can act on, turned into an RFC 9457 problem document with its status, title and detail.
 * Modules throw it (or a subclass) from their boundary; the message is shown to the caller, so it must say
 * what is wrong in plain words and never carry a secret.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final java.util.Map<String, String> headers;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, java.util.Map.of());
    }

    /** With response headers, such as {@code WWW-Authenticate} on 401 or {@code Retry-After} on 429. */
    public ProblemException(int status, String title, String detail, java.util.Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.headers = java.util.Map.copyOf(headers);
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
