package org.hms.hub.connector.control.outbound;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hms.hub.model.connector.AuthType;

/**
 * HAPI FHIR R4 clients for FHIR connectors, authenticated exactly like every other outbound call: an
 * interceptor adds the connector's API key, OAuth token (from the same cache), basic or bearer credentials and
 * its custom headers. The FHIR context is built once, on first use (it is large).
 */
@ApplicationScoped
public class FhirClients {

    /** HAPI's client factory is shared, so FHIR calls use these rather than each connector's own timeout. */
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int SOCKET_TIMEOUT_MS = 60_000;

    @Inject
    OAuthTokens tokens;

    private volatile FhirContext context;

    public IGenericClient client(ResolvedConnector c) {
        FhirContext fhir = context();
        IGenericClient client = fhir.newRestfulGenericClient(c.endpoint().toString());
        client.registerInterceptor(new ConnectorAuth(c, tokens));
        return client;
    }

    FhirContext context() {
        FhirContext fhir = context;
        if (fhir == null) {
            synchronized (this) {
                if (context == null) {
                    FhirContext created = FhirContext.forR4();
                    created.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
                    created.getRestfulClientFactory().setConnectTimeout(CONNECT_TIMEOUT_MS);
                    created.getRestfulClientFactory().setSocketTimeout(SOCKET_TIMEOUT_MS);
                    context = created;
                }
                fhir = context;
            }
        }
        return fhir;
    }

    /** Adds the connector's credentials and headers to every request of a HAPI client. */
    static final class ConnectorAuth implements IClientInterceptor {

        private final ResolvedConnector c;
        private final OAuthTokens tokens;

        ConnectorAuth(ResolvedConnector connector, OAuthTokens tokens) {
            this.c = connector;
            this.tokens = tokens;
        }

        @Override
        public void interceptRequest(IHttpRequest request) {
            c.headers().forEach(request::addHeader);
            switch (c.authType()) {
                case API_KEY -> {
                    if (c.apiKeyQueryParam() == null) {
                        request.addHeader(c.apiKeyHeader() != null ? c.apiKeyHeader()
                                : ResolvedConnector.DEFAULT_API_KEY_HEADER, c.apiKey());
                    }
                }
                case BASIC_AUTH -> request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8)));
                case TOKEN -> request.addHeader("Authorization", "Bearer " + c.token());
                case OAUTH -> request.addHeader("Authorization", "Bearer " + oauthToken());
                case NONE -> { }
                default -> { }
            }
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
            if (response.getStatus() == 401 && c.authType() == AuthType.OAUTH) {
                tokens.invalidate(c); // the next request fetches a new token
            }
        }

        private String oauthToken() {
            try {
                return tokens.token(c).accessToken();
            } catch (OutboundException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
