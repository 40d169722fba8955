package org.hms.hub.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.hms.hub.model.audit.AuditPage;
import org.hms.hub.model.connector.ConnectorRequest;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's client against a real HTTP server on 127.0.0.1 that answers like the hub. */
class HubClientTest {

    private static final String TOKENS = "{\"accessToken\":\"%s\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
            + "\"refreshToken\":\"%s\",\"refreshExpiresIn\":28800,\"tenant\":\"north\",\"roles\":[\"hub-admin\"]}";

    private FakePeer hub;
    private HubClient client;

    @BeforeEach
    void fakeHub() {
        hub = FakePeer.start()
                .on("/api/auth/token", r -> r.body().contains("\"password\":\"right\"")
                        ? Reply.json(200, TOKENS.formatted("access-1", "refresh-1"))
                        : new Reply(401, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Login failed\","
                        + "\"status\":401,\"detail\":\"The user name or password is wrong.\",\"errors\":[]}", 0));
        client = new HubClient(hub.uri("/"));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void logsInAndCarriesTheTokenOnEveryCall() throws HubException {
        hub.on("/api/audit", r -> Reply.json(200, "{\"items\":[],\"next\":null}"));

        Session session = client.login("nurse", "right");
        AuditPage page = new AuditApi(client).page(null, 50);

        assertThat(session.tenant()).isEqualTo("north");
        assertThat(session.hasRole("hub-admin")).isTrue();
        assertThat(page.items()).isEmpty();
        assertThat(hub.requests("/api/audit").get(0).header("Authorization")).isEqualTo("Bearer access-1");
        assertThat(hub.requests("/api/audit").get(0).query()).isEqualTo("limit=50");
    }

    @Test
    void downloadsAnExportIntoAFileAndExplainsARefusal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        hub.on("/api/audit/export", r -> r.query().contains("action=LoginFailed")
                ? new Reply(200, "text/csv", "id,seq\r\n7,3\r\n", 0)
                : new Reply(400, "application/problem+json", "{\"title\":\"Bad time\",\"status\":400,"
                + "\"detail\":\"from must be an ISO-8601 time.\",\"errors\":[]}", 0));
        client.login("nurse", "right");
        AuditApi audit = new AuditApi(client);
        java.nio.file.Path file = dir.resolve("audit.csv");

        long bytes = audit.exportCsv(new AuditApi.Filter(null, null, null, "LoginFailed", null, "failure"), file);

        assertThat(bytes).isEqualTo(13);
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("id,seq\r\n7,3\r\n");
        assertThat(hub.requests("/api/audit/export").get(0).query()).isEqualTo("action=LoginFailed&outcome=failure"
                + "&format=csv");
        assertThat(hub.requests("/api/audit/export").get(0).header("Authorization")).isEqualTo("Bearer access-1");
        assertThatThrownBy(() -> audit.exportCsv(AuditApi.Filter.NONE, dir.resolve("refused.csv")))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("from must be an ISO-8601 time."));
        assertThat(dir.resolve("refused.csv")).doesNotExist();
        assertThat(dir.resolve("refused.csv.part")).doesNotExist();
    }

    @Test
    void reportsAWrongPasswordWithTheHubsWords() {
        assertThatThrownBy(() -> client.login("nurse", "wrong")).isInstanceOfSatisfying(HubException.class, e -> {
            assertThat(e.kind()).isEqualTo(HubException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).isEqualTo("The user name or password is wrong.");
            assertThat(e.problem().title()).isEqualTo("Login failed");
        });
    }

    @Test
    void reportsAnUnreachableHubInPlainWords() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HubClient nowhere = new HubClient(URI.create("http://127.0.0.1:" + port));

        assertThatThrownBy(() -> nowhere.login("nurse", "right")).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.kind()).isEqualTo(HubException.Kind.UNREACHABLE));
    }

    @Test
    void refreshesTheTokenSilentlyWhenTheHubRefusesIt() throws HubException {
        AtomicInteger calls = new AtomicInteger();
        hub.on("/api/audit", r -> "Bearer access-2".equals(r.header("Authorization"))
                ? Reply.json(200, "{\"items\":[],\"next\":null}") : Reply.status(401));
        hub.on("/api/auth/refresh", r -> {
            calls.incrementAndGet();
            return Reply.json(200, TOKENS.formatted("access-2", "refresh-2"));
        });
        client.login("nurse", "right");

        new AuditApi(client).page(null, 10);

        assertThat(calls.get()).isEqualTo(1);
        assertThat(hub.requests("/api/auth/refresh").get(0).body()).contains("refresh-1");
        assertThat(client.session().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void sendsTheVersionReadWithAnUpdateAndFiltersAsQueryParameters() throws HubException {
        hub.on("/api/connectors/7", r -> new Reply(200, "application/json", "{\"id\":7,\"name\":\"Lab\",\"version\":3}", 0));
        hub.on("/api/connectors", r -> Reply.json(200, "{\"items\":[],\"total\":0,\"offset\":0,\"limit\":50}"));
        client.login("nurse", "right");
        ConnectorsApi connectors = new ConnectorsApi(client);

        connectors.update(7, 3, new ConnectorRequest(null, null, null, "new text", null, null, null, null, null, null,
                null, null, null, null, null));
        connectors.list(ConnectorType.FHIR, ConnectorStatus.ERROR, " ward 5 ", 0, 50);

        FakePeer.Request patch = hub.requests("/api/connectors/7").get(0);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.header("If-Match")).isEqualTo("\"3\"");
        assertThat(patch.body()).isEqualTo("{\"description\":\"new text\"}");
        assertThat(hub.requests("/api/connectors").get(0).query())
                .isEqualTo("type=FHIR&status=ERROR&q=ward+5&offset=0&limit=50");
    }

    @Test
    void refusesAnAddressThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> HubClient.serverAddress("127.0.0.1:8080")).isInstanceOf(HubException.class)
                .hasMessageContaining("http://");
    }
}
