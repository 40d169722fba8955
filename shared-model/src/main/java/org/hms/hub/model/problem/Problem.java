package org.hms.hub.model.problem;

import java.util.List;

/**
 * An RFC 9457 problem details document, as every error of the REST API is returned
 * ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title    a short, human-readable summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong in this occurrence, in plain words
 * @param instance the request path the problem occurred on
 * @param errors   field-level messages for a request that failed validation (empty otherwise)
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
