package org.hms.hub.platform.security;

import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.text.ParseException;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Reads the {@code X-API-Key} of a service account ({@code ApiKeys}) or else the {@code Authorization: Bearer}
 * token of every API request and, when the hub or the configured
 * external issuer signed it and it is current, makes its {@link Caller} the request's principal and its tenant
 * the request's tenant. Whether the endpoint needs a caller at all is {@link AccessRules}' decision; a token that
 * was present but not valid is remembered so that the 401 can say why.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    static final String REJECTION = "hub.auth.rejection";

    @Inject
    Tokens tokens;

    @Inject
    ExternalIssuer external;

    @Inject
    CurrentCaller current;

    @Inject
    TenantContext tenant;

    @Inject
    org.hms.hub.platform.identity.control.ActiveTenants tenants;

    @Inject
    org.hms.hub.platform.identity.control.ApiKeys apiKeys;

    /** The header a service account sends its API key in. */
    public static final String API_KEY_HEADER = "X-API-Key";

    @Override
    public void filter(ContainerRequestContext request) {
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            java.util.Optional<Caller> caller = apiKeys.authenticate(apiKey.strip());
            if (caller.isPresent() && tenants.isActive(caller.get().tenant())) {
                current.set(caller.get());
                tenant.set(caller.get().tenant());
                request.setSecurityContext(new CallerSecurity(caller.get(), request.getSecurityContext().isSecure()));
            } else {
                request.setProperty(REJECTION, "The API key is not valid (unknown, revoked, or its account is "
                        + "disabled).");
            }
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.setProperty(REJECTION, "Only bearer tokens are accepted (Authorization: Bearer <token>).");
            return;
        }
        try {
            Caller caller = verify(SignedJWT.parse(header.substring(7).strip()));
            if (caller.tenant() == null || caller.username() == null) {
                throw new InvalidTokenException("The token names no user or no tenant.");
            }
            if (!tenants.isActive(caller.tenant())) {
                throw new InvalidTokenException("The token's tenant is not known to the hub or not active.");
            }
            current.set(caller);
            tenant.set(caller.tenant());
            request.setSecurityContext(new CallerSecurity(caller, request.getSecurityContext().isSecure()));
        } catch (ParseException e) {
            request.setProperty(REJECTION, "The bearer token is not a signed JWT.");
        } catch (InvalidTokenException e) {
            request.setProperty(REJECTION, e.getMessage());
        }
    }

    private Caller verify(SignedJWT jwt) throws InvalidTokenException {
        if (tokens.isOwn(jwt)) {
            return tokens.verify(jwt);
        }
        if (external.accepts(jwt)) {
            return external.verify(jwt);
        }
        throw new InvalidTokenException("The token was issued by an issuer the hub does not trust.");
    }

    private record CallerSecurity(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
