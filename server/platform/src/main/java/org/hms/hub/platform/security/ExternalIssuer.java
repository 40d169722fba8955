package org.hms.hub.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An external OpenID Connect issuer whose tokens the hub accepts besides its own, when
 * {@code hub.security.oidc.issuer} is set: keys from {@code hub.security.oidc.jwks-uri} (fetched and cached) or
 * {@code hub.security.oidc.public-key} (PEM or base64 X.509); user, roles and tenant from the claims named by
 * {@code hub.security.oidc.username-claim}, {@code .roles-claim} (a dotted path such as
 * {@code realm_access.roles}) and {@code .tenant-claim}. Roles outside the hub's own are ignored.
 */
@ApplicationScoped
public class ExternalIssuer {

    private static final Logger LOG = Logger.getLogger(ExternalIssuer.class.getName());

    private String issuer;
    private String usernameClaim;
    private String rolesClaim;
    private String tenantClaim;
    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        issuer = config.getOptionalValue("hub.security.oidc.issuer", String.class).orElse(null);
        if (issuer == null) {
            return;
        }
        usernameClaim = config.getOptionalValue("hub.security.oidc.username-claim", String.class)
                .orElse("preferred_username");
        rolesClaim = config.getOptionalValue("hub.security.oidc.roles-claim", String.class).orElse("groups");
        tenantClaim = config.getOptionalValue("hub.security.oidc.tenant-claim", String.class).orElse("tenant");
        Optional<String> audience = config.getOptionalValue("hub.security.oidc.audience", String.class);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256),
                keys(config)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience.map(Set::of).orElse(null),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", usernameClaim, tenantClaim), null));
        LOG.info(() -> "Accepting tokens of the external issuer " + issuer);
    }

    private static JWKSource<SecurityContext> keys(Config config) {
        Optional<String> jwks = config.getOptionalValue("hub.security.oidc.jwks-uri", String.class);
        if (jwks.isPresent()) {
            try {
                return JWKSourceBuilder.create(URI.create(jwks.get()).toURL()).retrying(true).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("hub.security.oidc.jwks-uri is not a URL: " + jwks.get(), e);
            }
        }
        String pem = config.getOptionalValue("hub.security.oidc.public-key", String.class).orElseThrow(() ->
                new IllegalStateException("hub.security.oidc.issuer is set but neither hub.security.oidc.jwks-uri"
                        + " nor hub.security.oidc.public-key is"));
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(key).build()));
        } catch (Exception e) {
            throw new IllegalStateException("hub.security.oidc.public-key is not an RSA public key", e);
        }
    }

    public boolean accepts(SignedJWT jwt) {
        try {
            return issuer != null && issuer.equals(jwt.getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }

    public Caller verify(SignedJWT jwt) throws InvalidTokenException {
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            String username = claims.getStringClaim(usernameClaim);
            String tenant = claims.getStringClaim(tenantClaim);
            Set<String> roles = new HashSet<>(rolesOf(claims.getClaims()));
            roles.retainAll(Roles.ALL);
            return new Caller(claims.getSubject(), username, tenant, Set.copyOf(roles), issuer);
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(InvalidTokenException.describe(e));
        } catch (JOSEException e) {
            throw new InvalidTokenException("The identity provider's keys could not be obtained to verify the token.");
        } catch (ParseException e) {
            throw new InvalidTokenException("The token's claims are not of the expected types.");
        }
    }

    private List<String> rolesOf(Map<String, Object> claims) {
        Object node = claims;
        for (String part : rolesClaim.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (node instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return node instanceof String single ? List.of(single.split("[ ,]+")) : List.of();
    }
}
