package org.hms.hub.platform.problem;

/**
 * The version a client read, from its {@code If-Match} header: updates need it, so that concurrent edits cannot
 * silently overwrite each other (missing: 428; not an ETag of ours: 400).
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition required",
                    "Send If-Match with the ETag of the version you read, so that no one else's change is overwritten.");
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Invalid If-Match", "If-Match must be the ETag of a version you read.");
        }
    }
}
