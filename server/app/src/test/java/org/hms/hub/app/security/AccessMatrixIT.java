package org.hms.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.model.problem.Problem;
import org.hms.hub.testsupport.Hub;
import org.hms.hub.testsupport.TestSecrets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The endpoint × role table of docs/security.md against the deployed application's own list of endpoints
 * ({@code /openapi}): every endpoint is in the table, and behaves as it says — no token 401, another role 403,
 * its roles admitted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

    private static final List<String> ROLES = List.of("hub-admin", "hub-operator", "hub-auditor", "hub-publisher");
    private static final Map<String, String> TOKENS = new HashMap<>();

    @Deployment(testable = false)
    static WebArchive hub() {
        return Deployments.hub();
    }

    record Rule(String method, String path, Set<String> roles) {

        boolean isPublic() {
            return roles.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void usersWithOneRoleEach() {
        Hub.awaitReady();
        if (TOKENS.isEmpty()) {
            String admin = Hub.adminToken();
            for (String role : ROLES) {
                Hub.createUser(admin, "matrix-" + role, TestSecrets.USER, role);
                TOKENS.put(role, Hub.login("matrix-" + role, TestSecrets.USER));
            }
        }
    }

    @Test
    void documentsEveryEndpointTheApplicationServes() throws IOException {
        Set<String> served = servedEndpoints();
        Set<String> documented = documentedRules().stream().map(Rule::toString).collect(Collectors.toCollection(TreeSet::new));

        assertThat(served).as("endpoints in /openapi").isNotEmpty().contains("GET /api/audit", "POST /api/auth/token");
        assertThat(documented).as("docs/security.md must list exactly the served endpoints").isEqualTo(served);
    }

    @Test
    void refusesEveryProtectedEndpointWithoutAToken() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (Rule rule : documentedRules()) {
            Response response = call(rule, null);
            if (rule.isPublic()) {
                soft.assertThat(response.getStatus()).as(rule + " without a token").isNotEqualTo(401);
            } else {
                soft.assertThat(response.getStatus()).as(rule + " without a token").isEqualTo(401);
                soft.assertThat(response.getHeaderString("WWW-Authenticate")).as(rule + " challenge").startsWith("Bearer");
                soft.assertThat(response.getMediaType().toString()).as(rule + " type").startsWith(Problem.MEDIA_TYPE);
            }
        }
        soft.assertAll();
    }

    @Test
    void refusesEveryProtectedEndpointToTheOtherRoles() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (Rule rule : documentedRules()) {
            for (String role : ROLES) {
                if (!rule.isPublic() && !rule.roles().contains(role)) {
                    Response response = call(rule, TOKENS.get(role));
                    soft.assertThat(response.getStatus()).as(rule + " as " + role).isEqualTo(403);
                    soft.assertThat(response.readEntity(Problem.class).detail()).as(rule + " detail")
                            .contains(String.join(", ", new TreeSet<>(rule.roles())));
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void admitsEveryEndpointToItsRoles() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (Rule rule : documentedRules()) {
            for (String role : rule.roles()) {
                int status = call(rule, TOKENS.get(role)).getStatus();
                soft.assertThat(status).as(rule + " as " + role).isNotIn(401, 403);
            }
        }
        soft.assertAll();
    }

    @Test
    void refusesATokenTheHubDidNotSign() {
        String token = TOKENS.get("hub-auditor");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Response response = Hub.as(tampered, "audit").get();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.readEntity(Problem.class).detail()).contains("signature");
    }

    /** Calls an endpoint harmlessly: path parameters name nothing that exists, bodies are empty objects. */
    private static Response call(Rule rule, String token) {
        Invocation.Builder request = Hub.root().path(rule.path().replaceAll("\\{[^}]+}", "999999")).request();
        if (token != null) {
            request = request.header("Authorization", Hub.bearer(token));
        }
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(rule.method());
        return withBody ? request.method(rule.method(), Entity.entity("{}", MediaType.APPLICATION_JSON))
                : request.method(rule.method());
    }

    private static Set<String> servedEndpoints() {
        JsonObject openapi = Hub.root().path("openapi").request(MediaType.APPLICATION_JSON).get(JsonObject.class);
        Set<String> out = new TreeSet<>();
        openapi.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> out.add(m.toUpperCase() + " " + path)));
        return out;
    }

    /** The rows of the table in docs/security.md: | METHOD | /api/path | roles or "public" |. */
    static List<Rule> documentedRules() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("it.security.doc"))).stream()
                .filter(line -> line.matches("\\|\\s*(GET|POST|PUT|PATCH|DELETE)\\s*\\|.*"))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).toList())
                .map(cells -> new Rule(cells.get(0), cells.get(1), roles(cells.get(2))))
                .toList();
    }

    private static Set<String> roles(String cell) {
        return cell.equals("public") ? Set.of() : Arrays.stream(cell.replaceAll("\\(.*\\)", "").split(","))
                .map(String::strip).collect(Collectors.toSet());
    }
}
