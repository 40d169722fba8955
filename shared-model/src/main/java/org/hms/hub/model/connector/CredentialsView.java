package org.hms.hub.model.connector;

import java.util.List;

/** Credentials as the API shows them: names in clear, secrets only as "set" flags. */
public record CredentialsView(boolean apiKeySet, String apiKeyHeader, String apiKeyQueryParam, String username,
                              boolean passwordSet, boolean tokenSet, String clientId, boolean clientSecretSet,
                              String tokenUrl, List<String> scopes) {
}
