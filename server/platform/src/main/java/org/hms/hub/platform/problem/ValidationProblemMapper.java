package org.hms.hub.platform.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean-validation failures as problem+json with field errors. Its own mapper because JAX-RS picks the mapper
 * nearest the exception's type, and Jersey's built-in one for {@code ValidationException} would otherwise answer
 * with an empty body.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException error) {
        ProblemExceptionMapper problems = new ProblemExceptionMapper();
        problems.uri = uri;
        return problems.respond(problems.invalid(error));
    }
}
