package org.hms.hub.platform.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.hms.hub.model.auth.RefreshRequest;
import org.hms.hub.model.auth.TokenRequest;
import org.hms.hub.model.auth.TokenResponse;
import org.hms.hub.platform.identity.control.Logins;
import org.hms.hub.platform.problem.ProblemException;

/** {@code /api/auth}: logging in and refreshing tokens, the only endpoints open without a token. */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Logins logins;

    @Context
    HttpServletRequest request;

    @POST
    @Path("token")
    @PermitAll
    public TokenResponse token(TokenRequest credentials) {
        if (credentials != null && TokenRequest.CLIENT_CREDENTIALS.equals(credentials.grantType())) {
            if (credentials.clientSecret() == null) {
                throw new ProblemException(400, "Client secret missing", "Send {\"grantType\": \"client_credentials\","
                        + " \"clientSecret\": <the service account's API key>}.");
            }
            return logins.clientCredentials(credentials.clientSecret(), origin());
        }
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw new ProblemException(400, "Credentials missing", "Send {\"username\": …, \"password\": …}.");
        }
        return logins.login(credentials.username(), credentials.password(), origin());
    }

    @POST
    @Path("refresh")
    @PermitAll
    public TokenResponse refresh(RefreshRequest refresh) {
        if (refresh == null || refresh.refreshToken() == null) {
            throw new ProblemException(400, "Refresh token missing", "Send {\"refreshToken\": …}.");
        }
        return logins.refresh(refresh.refreshToken(), origin());
    }

    private Logins.Origin origin() {
        return new Logins.Origin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
