package org.hms.hub.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.hms.hub.audit.entity.EntryFacts;
import org.hms.hub.platform.json.Json;
import org.junit.jupiter.api.Test;

class EventFactsTest {

    private static JsonObject json(String s) {
        try (var r = Json.JSONP.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    @Test
    void readsASyncEventsTargetOutcomeAndDetails() {
        EntryFacts f = EventFacts.of("WebhookRejected", json("{\"eventId\":\"e\",\"tenant\":\"t\",\"action\":"
                + "\"WebhookRejected\",\"actor\":\"connector:7\",\"connectorId\":7,\"targetType\":\"Connector\","
                + "\"targetId\":\"7\",\"outcome\":\"failure\",\"reason\":\"bad signature\",\"details\":"
                + "{\"sourceAddress\":\"10.0.0.9\",\"httpStatus\":\"401\"}}"));
        assertThat(f.actorType()).isEqualTo("CONNECTOR");
        assertThat(f.targetType()).isEqualTo("Connector");
        assertThat(f.targetId()).isEqualTo("7");
        assertThat(f.outcome()).isEqualTo("failure");
        assertThat(f.reason()).isEqualTo("bad signature");
        assertThat(f.connectorId()).isEqualTo(7L);
        assertThat(f.sourceAddress()).isEqualTo("10.0.0.9");
        assertThat(f.details()).isEqualTo("{\"httpStatus\":\"401\"}");
    }

    @Test
    void readsASecurityEventsUserAddressAndAgent() {
        EntryFacts f = EventFacts.of("LoginFailed", json("{\"action\":\"LoginFailed\",\"actor\":\"alice\",\"subject\":"
                + "\"alice\",\"address\":\"192.168.1.4\",\"userAgent\":\"curl/8\",\"outcome\":\"failure\"}"));
        assertThat(f.actorType()).isEqualTo("USER");
        assertThat(f.targetType()).isEqualTo("User");
        assertThat(f.targetId()).isEqualTo("alice");
        assertThat(f.sourceAddress()).isEqualTo("192.168.1.4");
        assertThat(f.userAgent()).isEqualTo("curl/8");
        assertThat(f.details()).isEqualTo("{\"subject\":\"alice\"}");
    }

    @Test
    void namesMappingsAndTheHubAsTargetsAndSucceedsByDefault() {
        assertThat(EventFacts.of("MappingCreated", json("{\"actor\":\"admin\",\"mappingId\":3,\"name\":\"x\","
                + "\"version\":1}"))).satisfies(f -> {
                    assertThat(f.targetType()).isEqualTo("Mapping");
                    assertThat(f.targetId()).isEqualTo("3");
                    assertThat(f.outcome()).isEqualTo("success");
                    assertThat(f.details()).isEqualTo("{\"mappingId\":3,\"name\":\"x\",\"version\":1}");
                });
        assertThat(EventFacts.of("HubStarted", json("{\"instance\":\"h:1\",\"version\":\"0.1\"}")).targetType())
                .isEqualTo("Hub");
        assertThat(EventFacts.of("X", null).actorType()).isEqualTo("SYSTEM");
    }

    @Test
    void writesDetailsCanonicallyWithMembersSortedAtEveryLevel() {
        assertThat(EventFacts.of("X", json("{\"b\":{\"z\":1,\"a\":[{\"y\":2,\"c\":3}]},\"a\":true}")).details())
                .isEqualTo("{\"a\":true,\"b\":{\"a\":[{\"c\":3,\"y\":2}],\"z\":1}}");
    }
}
