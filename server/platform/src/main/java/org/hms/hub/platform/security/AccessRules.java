package org.hms.hub.platform.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.hms.hub.platform.problem.ProblemException;

/**
 * Every REST endpoint declares who may call it: {@code @RolesAllowed} (method or class), or {@code @PermitAll}
 * for the few public ones (logging in). An endpoint with no rule is closed to everyone (and logged), so one
 * added without a rule fails the role-matrix test instead of being open. No token, or an invalid one, is 401;
 * a valid token without the role is 403.
 */
@Provider
public class AccessRules implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(AccessRules.class.getName());

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (type == null || !type.getName().startsWith("org.hms.hub.")) {
            return; // the framework's own handlers (automatic OPTIONS answers)
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(null));
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(Set.of(method.getAnnotation(RolesAllowed.class).value())));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (type.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(null));
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(Set.of(type.getAnnotation(RolesAllowed.class).value())));
        } else if (!type.isAnnotationPresent(PermitAll.class)) {
            LOG.severe(() -> "REST endpoint " + type.getName() + "." + method.getName()
                    + " declares no access rule (@RolesAllowed or @PermitAll); it is closed to every caller");
            context.register(new Check(null));
        }
    }

    /** Requires an authenticated caller holding one of the roles; {@code null} roles: nobody may call. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final Set<String> roles;

        Check(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
                if (roles == null || roles.stream().noneMatch(caller::hasRole)) {
                    throw new ProblemException(403, "Forbidden",
                            "Your roles do not allow this operation" + (roles == null || roles.isEmpty() ? "."
                                    : "; it needs one of: " + String.join(", ", roles.stream().sorted().toList()) + "."));
                }
                return;
            }
            Object rejection = request.getProperty(BearerAuthentication.REJECTION);
            throw new ProblemException(401, "Unauthorized", rejection != null ? rejection.toString()
                    : "This operation needs a bearer token: log in with POST /api/auth/token.",
                    Map.of("WWW-Authenticate", rejection != null
                            ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"hms-hub\""));
        }
    }
}
