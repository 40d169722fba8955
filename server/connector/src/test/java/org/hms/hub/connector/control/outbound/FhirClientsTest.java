package org.hms.hub.connector.control.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Patient;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.testsupport.FakePeer;
import org.hms.hub.testsupport.FakePeer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HAPI FHIR client of a FHIR connector carries the connector's auth, against a FHIR peer on 127.0.0.1. */
class FhirClientsTest {

    private FakePeer fhir;
    private FhirClients clients;

    @BeforeEach
    void peer() {
        fhir = FakePeer.start()
                .on("/fhir/Patient/123", r -> new Reply(200, "application/fhir+json",
                        "{\"resourceType\":\"Patient\",\"id\":\"123\",\"name\":[{\"family\":\"Okafor\"}]}", 0))
                .on("/token", r -> Reply.json(200, "{\"access_token\":\"fhir-tok\",\"expires_in\":600}"));
        clients = new FhirClients();
        clients.tokens = new OAuthTokens();
    }

    @AfterEach
    void stop() {
        fhir.close();
    }

    @Test
    void readsAResourceWithTheConnectorsOAuthTokenAndHeaders() {
        ResolvedConnector c = Connectors.with(Connectors.of(ConnectorType.FHIR, fhir.uri("/fhir"), AuthType.OAUTH),
                "tokenUrl", fhir.uri("/token"));

        Patient patient = clients.client(c).read().resource(Patient.class).withId("123").execute();

        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Okafor");
        FakePeer.Request seen = fhir.requests("/fhir/Patient/123").get(0);
        assertThat(seen.header("Authorization")).isEqualTo("Bearer fhir-tok");
        assertThat(seen.header("X-Hospital")).isEqualTo("north");
    }

    @Test
    void sendsAnApiKeyHeaderThroughTheFhirClient() {
        ResolvedConnector c = Connectors.of(ConnectorType.FHIR, fhir.uri("/fhir"), AuthType.API_KEY);

        clients.client(c).read().resource(Patient.class).withId("123").execute();

        assertThat(fhir.requests("/fhir/Patient/123").get(0).header("X-API-Key")).isEqualTo(Connectors.KEY);
    }
}
