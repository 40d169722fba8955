package org.hms.hub.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fake external OpenID Connect provider at the HTTP boundary: publishes its public key as a JWKS on
 * 127.0.0.1 and signs tokens the way such a provider would (roles under {@code realm_access.roles}, the tenant in
 * {@code hospital}). The hub under test is configured with its issuer and JWKS address.
 */
public final class TestIdentityProvider {

    public static final String ISSUER = "https://idp.it.test/realms/hospital";

    private static final RSAKey KEY = generate();
    private static HttpServer server;

    private TestIdentityProvider() {
    }

    static synchronized void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A token of this provider for the user, tenant and roles, valid for the given seconds (negative: expired). */
    public static String token(String username, String tenant, List<String> roles, long validSeconds) {
        return sign(KEY, ISSUER, username, tenant, roles, validSeconds);
    }

    /** A token claiming this provider's issuer but signed by a key it never published. */
    public static String forgedToken(String username, String tenant, List<String> roles) {
        return sign(generate(), ISSUER, username, tenant, roles, 300);
    }

    private static String sign(RSAKey key, String issuer, String username, String tenant, List<String> roles,
                               long validSeconds) {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", username)
                .claim("hospital", tenant)
                .claim("realm_access", Map.of("roles", roles))
                .issueTime(new Date(now))
                .expirationTime(new Date(now + validSeconds * 1000))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
