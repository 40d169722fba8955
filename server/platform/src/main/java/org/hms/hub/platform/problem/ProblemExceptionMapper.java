package org.hms.hub.platform.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.model.problem.Problem;

/**
 * The one place where an exception becomes an HTTP error: always {@code application/problem+json}, never a
 * stack trace, class name or SQL. Unexpected failures are logged with a reference the caller is given.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        Problem problem;
        if (error instanceof ProblemException p) {
            List<Problem.FieldError> errors = p instanceof InvalidFields.Failed f ? f.errors() : List.of();
            Response.ResponseBuilder response = Response.status(p.status()).type(Problem.MEDIA_TYPE)
                    .entity(problem(p.status(), p.title(), p.getMessage(), errors));
            p.headers().forEach(response::header);
            return response.build();
        } else if (error instanceof ConstraintViolationException v) {
            problem = invalid(v);
        } else if (error instanceof WebApplicationException w) {
            problem = fromStatus(w.getResponse().getStatus());
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, error);
            problem = problem(500, "Internal error",
                    "The hub could not complete the request. Quote reference " + reference
                            + " to your administrator.", List.of());
        }
        return respond(problem);
    }

    Problem invalid(ConstraintViolationException v) {
        return problem(400, "Invalid request", "The request has invalid fields; see errors.", Violations.of(v));
    }

    Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Problem fromStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "There is no resource at this address.";
            case 405 -> "This resource does not support the request's method.";
            case 406 -> "The resource cannot produce the media type the request accepts.";
            case 415 -> "The request's content type is not supported here; send application/json.";
            case 400 -> "The request could not be read; check that its body is well-formed JSON of the expected shape.";
            default -> title;
        };
        return problem(status, title, detail, List.of());
    }

    private Problem problem(int status, String title, String detail, List<Problem.FieldError> errors) {
        String path = uri != null ? uri.getRequestUri().getRawPath() : null;
        return new Problem("about:blank", title, status, detail, path, errors);
    }
}
