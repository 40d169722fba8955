package org.hms.hub.model.auth;

/**
 * Tokens issued by the hub: a signed RS256 access token (MicroProfile JWT claims: {@code upn}, {@code groups},
 * plus {@code tenant}) for the {@code Authorization: Bearer} header, and a single-use refresh token.
 *
 * @param expiresIn        seconds the access token is valid
 * @param refreshExpiresIn seconds the refresh token is valid
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                            long refreshExpiresIn, String tenant, java.util.Set<String> roles) {

    @Override
    public String toString() {
        return "TokenResponse[tenant=" + tenant + ", roles=" + roles + ", expiresIn=" + expiresIn + "]";
    }
}
