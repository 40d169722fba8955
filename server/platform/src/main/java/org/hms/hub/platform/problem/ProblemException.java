package org.hms.hub.platform.problem;

/**
 * A failure the caller can act on, turned into an RFC 9457 problem document with its status, title and detail.
 * Modules throw it (or a subclass) from their boundary; the message is shown to the caller, so it must say
 * what is wrong in plain words and never carry a secret.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
