package org.hms.hub.model.connector;

import java.util.List;

/**
 * Credentials as a client sends them: write-only. Secret fields ({@code apiKey}, {@code password},
 * {@code token}, {@code clientSecret}) are stored in the hub's vault and never returned; on an update a
 * {@code null} secret keeps the stored one.
 *
 * @param apiKeyHeader     API_KEY: the header that carries the key (default {@code X-API-Key}), or
 * @param apiKeyQueryParam API_KEY: the query parameter that carries it instead
 * @param tokenUrl         OAUTH: the token endpoint (client credentials grant)
 */
public record Credentials(String apiKey, String apiKeyHeader, String apiKeyQueryParam, String username,
                          String password, String token, String clientId, String clientSecret, String tokenUrl,
                          List<String> scopes) {

    @Override
    public String toString() {
        return "Credentials[apiKeyHeader=" + apiKeyHeader + ", apiKeyQueryParam=" + apiKeyQueryParam + ", username="
                + username + ", clientId=" + clientId + ", tokenUrl=" + tokenUrl + ", scopes=" + scopes
                + ", secrets=****]";
    }
}
