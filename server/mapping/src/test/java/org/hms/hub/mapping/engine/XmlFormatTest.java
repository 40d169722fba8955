package org.hms.hub.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class XmlFormatTest {

    private final XmlFormat orders = new XmlFormat("order", Set.of("/items/item"));

    @Test
    void refusesADoctypeSoNoExternalEntityIsEverRead() {
        assertThatThrownBy(() -> orders.readJson("<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><order>&x;</order>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void refusesAnotherRootElement() {
        assertThatThrownBy(() -> orders.readJson("<patient/>")).hasMessageContaining("expected <order>");
    }

    @Test
    void makesRepeatedElementsArraysAndDeclaredOnesAlways() {
        assertThat(orders.readJson("<order><tag>a</tag><tag>b</tag><items><item><sku>X</sku></item></items></order>")
                .toString()).isEqualTo("{\"tag\":[\"a\",\"b\"],\"items\":{\"item\":[{\"sku\":\"X\"}]}}");
    }

    @Test
    void roundTripsAttributesTextAndArrays() {
        String xml = "<order id=\"7\"><note lang=\"en\">hi</note><items><item><sku>A</sku></item>"
                + "<item><sku>B</sku></item></items></order>";

        assertThat(orders.writeJson(orders.readJson(xml))).isEqualTo(xml);
    }
}
