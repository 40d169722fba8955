package org.hms.hub.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and verifies the hub's own access tokens: RS256-signed JWTs with the MicroProfile JWT claims
 * ({@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code exp}, {@code iat}, {@code jti}) plus
 * {@code tenant}.
 */
@ApplicationScoped
public class Tokens {

    public static final String TENANT_CLAIM = "tenant";

    @Inject
    SigningKey signingKey;

    @Inject
    @ConfigProperty(name = "hub.security.jwt.issuer", defaultValue = "hms-hub")
    String issuer;

    @Inject
    @ConfigProperty(name = "hub.security.jwt.ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(signingKey.key().toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "upn", "groups", "exp", "iat", TENANT_CLAIM)));
    }

    public String issuer() {
        return issuer;
    }

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    /** A signed access token for the user. */
    public String issue(long userId, String username, String tenant, Set<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(Long.toString(userId))
                .claim("upn", username)
                .claim("groups", List.copyOf(roles))
                .claim(TENANT_CLAIM, tenant)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signingKey.key().getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signingKey.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** Whether the token claims to come from the hub itself (checked before its signature is). */
    public boolean isOwn(SignedJWT jwt) {
        try {
            return issuer.equals(jwt.getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }

    /** The caller a token of the hub's own names; fails with the reason when it is not valid. */
    public Caller verify(SignedJWT jwt) throws InvalidTokenException {
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            Set<String> roles = new HashSet<>(claims.getStringListClaim("groups"));
            return new Caller(claims.getSubject(), claims.getStringClaim("upn"), claims.getStringClaim(TENANT_CLAIM),
                    Set.copyOf(roles), issuer);
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(InvalidTokenException.describe(e));
        } catch (JOSEException | ParseException e) {
            throw new InvalidTokenException("The token could not be verified.");
        }
    }
}
