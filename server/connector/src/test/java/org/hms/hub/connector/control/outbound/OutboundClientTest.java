package org.hms.hub.connector.control.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.hms.hub.testsupport.SelfSignedTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against a real HTTP peer on 127.0.0.1. */
class OutboundClientTest {

    private FakePeer peer;
    private OutboundClient client;

    @BeforeEach
    void peerAndClient() {
        peer = FakePeer.start().on("/api", r -> Reply.json(200, "{}"));
        client = new OutboundClient();
        client.tokens = new OAuthTokens();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void sendsTheApiKeyInTheDefaultHeaderWithTheCustomHeaders() throws Exception {
        call(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.API_KEY));

        FakePeer.Request seen = peer.requests("/api").get(0);
        assertThat(seen.header("X-API-Key")).isEqualTo(Connectors.KEY);
        assertThat(seen.header("X-Hospital")).isEqualTo("north");
        assertThat(seen.query()).isNull();
    }

    @Test
    void sendsTheApiKeyAsAQueryParameterWhenConfigured() throws Exception {
        call(Connectors.with(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.API_KEY),
                "apiKeyQueryParam", "api_key"));

        FakePeer.Request seen = peer.requests("/api").get(0);
        assertThat(seen.query()).isEqualTo("api_key=" + Connectors.KEY);
        assertThat(seen.header("X-API-Key")).isNull();
    }

    @Test
    void sendsBasicAndBearerCredentials() throws Exception {
        call(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.BASIC_AUTH));
        call(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.TOKEN));

        assertThat(peer.requests("/api").get(0).header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("lab-user:lab-password-9".getBytes(StandardCharsets.UTF_8)));
        assertThat(peer.requests("/api").get(1).header("Authorization")).isEqualTo("Bearer static-token-5e");
    }

    @Test
    void cachesTheOAuthTokenAndFetchesANewOneOnceWhenItIsRefused() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        peer.on("/token", r -> Reply.json(200, "{\"access_token\":\"tok-" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        peer.on("/api", r -> "Bearer tok-1".equals(r.header("Authorization")) && peer.requests("/api").size() > 2
                ? Reply.status(401) : Reply.json(200, "{}"));
        ResolvedConnector c = Connectors.with(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.OAUTH),
                "tokenUrl", peer.uri("/token"));

        int first = call(c);
        int second = call(c);
        int third = call(c);

        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(third).as("refused token replaced once").isEqualTo(200);
        assertThat(issued.get()).isEqualTo(2);
        FakePeer.Request tokenRequest = peer.requests("/token").get(0);
        assertThat(tokenRequest.body()).isEqualTo("grant_type=client_credentials&scope=orders.read");
        assertThat(tokenRequest.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString(("hub-client:" + Connectors.SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(peer.requests("/api")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void fetchesANewTokenWhenTheCachedOneIsAboutToExpire() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        peer.on("/token", r -> Reply.json(200, "{\"access_token\":\"short-" + issued.incrementAndGet()
                + "\",\"expires_in\":1}"));
        ResolvedConnector c = Connectors.with(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.OAUTH),
                "tokenUrl", peer.uri("/token"));

        call(c);
        call(c);

        assertThat(issued.get()).as("a token valid for 1 s is not reused").isEqualTo(2);
        assertThat(peer.requests("/api")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer short-1", "Bearer short-2");
    }

    @Test
    void explainsARefusedClientSecretAtTheTokenEndpoint() {
        peer.on("/token", r -> Reply.json(401, "{\"error\":\"invalid_client\"}"));
        ResolvedConnector c = Connectors.with(Connectors.of(ConnectorType.API, peer.uri("/api"), AuthType.OAUTH),
                "tokenUrl", peer.uri("/token"));

        assertThatThrownBy(() -> call(c)).isInstanceOf(OutboundException.class)
                .hasMessageContaining("refused the client credentials").hasMessageContaining("invalid_client")
                .hasMessageNotContaining(Connectors.SECRET);
    }

    @Test
    void givesUpAfterTheTimeoutWithADiagnosis() {
        peer.on("/slow", r -> Reply.json(200, "{}").after(1500));
        ResolvedConnector c = Connectors.with(Connectors.of(ConnectorType.API, peer.uri("/slow"), AuthType.NONE),
                "timeoutMs", 200);

        assertThatThrownBy(() -> call(c)).isInstanceOf(OutboundException.class)
                .hasMessageContaining("within 200 ms (timeout)");
    }

    @Test
    void namesARefusedConnection() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ResolvedConnector c = Connectors.of(ConnectorType.API, URI.create("http://127.0.0.1:" + port + "/api"),
                AuthType.NONE);

        assertThatThrownBy(() -> call(c)).hasMessageContaining("Connection refused by 127.0.0.1:" + port);
    }

    @Test
    void namesAnUnresolvableHost() {
        ResolvedConnector c = Connectors.of(ConnectorType.API, URI.create("http://no-such-host.invalid/api"),
                AuthType.NONE);

        assertThatThrownBy(() -> call(c)).hasMessageContaining("DNS").hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void refusesAnUntrustedCertificate() {
        try (FakePeer tls = FakePeer.startTls(SelfSignedTls.context()).on("/api", r -> Reply.json(200, "{}"))) {
            ResolvedConnector c = Connectors.of(ConnectorType.API, tls.uri("/api"), AuthType.NONE);

            assertThatThrownBy(() -> call(c)).hasMessageContaining("TLS handshake")
                    .hasMessageContaining("not trusted");
            assertThat(tls.requests("/api")).isEmpty();
        }
    }

    private int call(ResolvedConnector c) throws OutboundException {
        return client.call(c, "GET", c.endpoint(), null, null, Map.of()).status();
    }
}
