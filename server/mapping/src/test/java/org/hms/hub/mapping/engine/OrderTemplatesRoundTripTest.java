package org.hms.hub.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The built-in order templates are declared reversible: HMS-API → HMS-OMS → HMS-API gives the order back, for
 * many generated orders (a property test with a fixed seed, so a failure can be replayed).
 */
class OrderTemplatesRoundTripTest {

    private static final String[] STATUSES = {"pending", "processing", "fulfilled", "completed", "cancelled"};

    @Test
    void mapsEveryGeneratedOrderThereAndBackUnchanged() {
        Mapping there = template("order-api-to-oms");
        Mapping back = template("order-oms-to-api");
        Random random = new Random(20261121L);

        for (int n = 0; n < 500; n++) {
            JsonObject order = order(random);

            MappingResult oms = there.apply(order);
            assertThat(oms.errors()).as("to OMS: %s", order).isEmpty();
            MappingResult api = back.apply(oms.output());

            assertThat(api.errors()).as("back to API: %s", oms.output()).isEmpty();
            assertThat(api.output()).as("round trip of %s", order).isEqualTo(order);
            assertThat(oms.output().asJsonObject().getJsonNumber("ext_code")).isEqualTo(order.getJsonNumber("id"));
        }
    }

    private static JsonObject order(Random random) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            items.add(Json.createObjectBuilder().add("sku", "SKU-" + random.nextInt(1000))
                    .add("quantity", 1 + random.nextInt(9)));
        }
        return Json.createObjectBuilder().add("id", 1 + random.nextInt(1_000_000))
                .add("title", "Order " + Long.toHexString(random.nextLong()))
                .add("items", items).add("user_id", 1 + random.nextInt(5000))
                .add("status", STATUSES[random.nextInt(STATUSES.length)])
                .add("created_at", "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T08:00:00Z")
                .add("updated_at", "2026-11-2" + random.nextInt(10) + "T09:30:00Z").build();
    }

    static Mapping template(String key) {
        try (InputStream in = OrderTemplatesRoundTripTest.class.getResourceAsStream(
                "/org/hms/hub/mapping/templates/" + key + ".json"); JsonReader reader = Json.createReader(in)) {
            return Mappings.compile(reader.readObject().getJsonObject("definition"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
