package org.hms.hub.connector.control.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.hms.hub.model.connector.ConnectorType;
import org.junit.jupiter.api.Test;

class PageTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void readsAFhirSearchsetWithVersionedIdsAndTheNextLink() {
        Page page = Page.fhir(json("""
                {"resourceType":"Bundle","type":"searchset","total":3,
                 "link":[{"relation":"self","url":"http://f/Patient?x"},{"relation":"next","url":"http://f/Patient?page=2"}],
                 "entry":[{"resource":{"resourceType":"Patient","id":"p1","meta":{"versionId":"2","lastUpdated":"2026-11-22T10:00:00Z"}}},
                          {"resource":{"resourceType":"Patient","id":"p2","meta":{"lastUpdated":"2026-11-22T10:00:05.5Z"}}},
                          {"search":{"mode":"include"},"resource":{"resourceType":"Practitioner","id":"d1"}}]}
                """));
        assertThat(page.items()).extracting(Page.Item::externalId)
                .containsExactly("Patient/p1/_history/2", "Patient/p2/_history/2026-11-22T10:00:05.5Z");
        assertThat(page.next()).isEqualTo("http://f/Patient?page=2");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.maxUpdated()).isEqualTo("2026-11-22T10:00:05.5Z");
    }

    @Test
    void readsARestPageAtTheConfiguredPointers() {
        PollConfig c = PollConfig.of(ConnectorType.API, Map.of("polling", Map.of("itemsPointer", "/orders",
                "nextCursorPointer", "/meta/next", "idPointer", "/ref", "updatedPointer", "/changed")));
        Page page = Page.rest(json("""
                {"orders":[{"ref":7,"changed":"2026-11-22T09:00:00+01:00"},{"ref":8,"changed":"2026-11-22T08:30:00Z"}],
                 "meta":{"next":"c-2"}}"""), c);
        assertThat(page.items()).extracting(Page.Item::externalId)
                .containsExactly("7@2026-11-22T09:00:00+01:00", "8@2026-11-22T08:30:00Z");
        assertThat(page.next()).isEqualTo("c-2");
        assertThat(page.maxUpdated()).isEqualTo("2026-11-22T08:30:00Z");
    }

    @Test
    void explainsAnAnswerWithoutItems() {
        PollConfig c = PollConfig.of(ConnectorType.API, Map.of("polling", Map.of()));
        assertThatThrownBy(() -> Page.rest(json("{\"results\":[]}"), c)).hasMessageContaining("polling.itemsPointer");
    }

    @Test
    void requiresResourceTypesForFhirAndASaneInterval() {
        assertThatThrownBy(() -> PollConfig.of(ConnectorType.FHIR, Map.of("polling", Map.of())))
                .hasMessageContaining("resourceTypes");
        assertThatThrownBy(() -> PollConfig.of(ConnectorType.API, Map.of("polling", Map.of("intervalSeconds", 1))))
                .hasMessageContaining("at least 5");
        assertThat(PollConfig.of(ConnectorType.API, Map.of())).isNull();
    }
}
