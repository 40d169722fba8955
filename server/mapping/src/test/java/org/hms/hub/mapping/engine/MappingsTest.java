package org.hms.hub.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Definitions are checked when compiled: every broken rule named, nothing runs. */
class MappingsTest {

    @Test
    void rejectsAnUnknownRuleKindNamingTheRule() {
        assertThatThrownBy(() -> Mappings.compile(json("{\"rules\":[{\"kind\":\"copy\",\"from\":\"/a\",\"to\":\"/b\"},"
                + "{\"kind\":\"script\",\"code\":\"rm -rf\"}]}")))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.issues())
                        .extracting(Issue::rule).containsExactly("rules[1]"))
                .hasMessageContaining("unknown rule kind 'script'");
    }

    @Test
    void namesEveryBrokenRuleIncludingNestedOnes() {
        InvalidMappingException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidMappingException.class,
                () -> Mappings.compile(json("{\"rules\":[{\"kind\":\"copy\",\"from\":\"a..b\",\"to\":\"/x\"},"
                        + "{\"kind\":\"forEach\",\"from\":\"/items\",\"to\":\"/out\",\"rules\":[{\"kind\":\"number\",\"to\":\"/n\"}]},"
                        + "{\"kind\":\"date\",\"from\":\"/d\",\"to\":\"/d\",\"inputZone\":\"Mars/Olympus\"},"
                        + "{\"kind\":\"valueMap\",\"from\":\"/s\",\"to\":\"/s\"}]}")));

        assertThat(e.issues()).extracting(Issue::rule)
                .containsExactlyInAnyOrder("rules[0]", "rules[1].rules[0]", "rules[2]", "rules[3]");
        assertThat(e.issues()).extracting(Issue::message).anySatisfy(m -> assertThat(m).contains("\"from\" is required"))
                .anySatisfy(m -> assertThat(m).contains("not a time zone"))
                .anySatisfy(m -> assertThat(m).contains("\"map\""));
    }

    @Test
    void refusesADefinitionWithoutRules() {
        assertThatThrownBy(() -> Mappings.compile(json("{\"steps\":[]}"))).isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("\"rules\" array");
    }

    @Test
    void tracesEveryRuleAndWarnsAboutDefaultedCodes() {
        Mapping m = Mappings.compile(json("{\"rules\":[{\"kind\":\"copy\",\"from\":\"/missing\",\"to\":\"/x\"},"
                + "{\"kind\":\"valueMap\",\"from\":\"/s\",\"to\":\"/s\",\"map\":{\"a\":\"b\"},\"default\":\"z\"}]}"));

        MappingResult result = m.apply(json("{\"s\":\"q\"}"));

        assertThat(result.ok()).isTrue();
        assertThat(result.trace()).extracting(Step::outcome).containsExactly("source absent, nothing written", "'q' -> z");
        assertThat(result.warnings()).extracting(Issue::rule).containsExactly("rules[1]");
    }

    @Test
    void leavesTheSourceUntouchedWhenCopyingObjects() {
        Mapping m = Mappings.compile(json("{\"rules\":[{\"kind\":\"copy\",\"from\":\"/a\",\"to\":\"/b\"},"
                + "{\"kind\":\"const\",\"to\":\"/b/x\",\"value\":2}]}"));
        JsonObject source = json("{\"a\":{\"x\":1}}");

        MappingResult result = m.apply(source);

        assertThat(result.output().asJsonObject().getJsonObject("b").getInt("x")).isEqualTo(2);
        assertThat(source.getJsonObject("a").getInt("x")).isEqualTo(1);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
