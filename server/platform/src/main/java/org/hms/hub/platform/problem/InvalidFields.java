package org.hms.hub.platform.problem;

import java.util.ArrayList;
import java.util.List;
import org.hms.hub.model.problem.Problem;

/**
 * Collects field-level messages while a request is checked; {@link #throwIfAny()} turns them into one 422
 * problem document listing every invalid field, so a client fixes them all in one go.
 */
public final class InvalidFields {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public InvalidFields add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public InvalidFields check(boolean ok, String field, String message) {
        return ok ? this : add(field, message);
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The 422 for the messages collected so far, to throw where an expression is needed. */
    public Failed failed() {
        return new Failed(List.copyOf(errors));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new Failed(List.copyOf(errors));
        }
    }

    /** The 422 carrying the field errors. */
    public static final class Failed extends ProblemException {

        private final List<Problem.FieldError> errors;

        Failed(List<Problem.FieldError> errors) {
            super(422, "Invalid fields", errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid; see errors.");
            this.errors = errors;
        }

        public List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
