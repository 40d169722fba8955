package org.hms.hub.mapping.engine;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Throughput of the mapping engine on one thread: seed 000's order mapping (HMS-API → HMS-OMS, JSON → JSON) over
 * ≈1 KiB orders. A harness, not a test: run it as docs/mapping.md says; it prints its figures.
 */
public final class MappingBenchmark {

    private MappingBenchmark() {
    }

    public static void main(String[] args) {
        Mapping mapping = Mappings.compile(Json.createReader(new StringReader("{\"rules\":["
                + "{\"kind\":\"required\",\"path\":\"/id\"},"
                + "{\"kind\":\"copy\",\"from\":\"/id\",\"to\":\"/ext_code\"},"
                + "{\"kind\":\"string\",\"from\":\"/title\",\"to\":\"/data/title\",\"ops\":[\"trim\"]},"
                + "{\"kind\":\"copy\",\"from\":\"/user_id\",\"to\":\"/user_id\"},"
                + "{\"kind\":\"forEach\",\"from\":\"/items\",\"to\":\"/data/items\",\"rules\":["
                + "  {\"kind\":\"copy\",\"from\":\"/sku\",\"to\":\"/code\"},"
                + "  {\"kind\":\"number\",\"from\":\"/qty\",\"to\":\"/quantity\",\"type\":\"integer\"},"
                + "  {\"kind\":\"copy\",\"from\":\"/note\",\"to\":\"/note\"}]},"
                + "{\"kind\":\"valueMap\",\"from\":\"/status\",\"to\":\"/status\",\"map\":{\"new\":\"pending\","
                + "\"paid\":\"confirmed\",\"done\":\"completed\"},\"default\":\"pending\"},"
                + "{\"kind\":\"date\",\"from\":\"/created_at\",\"to\":\"/created_at\",\"outputZone\":\"UTC\"},"
                + "{\"kind\":\"date\",\"from\":\"/updated_at\",\"to\":\"/updated_at\",\"outputZone\":\"UTC\"},"
                + "{\"kind\":\"const\",\"to\":\"/order_type\",\"value\":\"hms_api\"}]}")).readObject());
        JsonValue order = order();
        int bytes = order.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            mapping.apply(order);
        }
        long ops = 0;
        long start = System.nanoTime();
        long end = start + 5_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                if (!mapping.apply(order).ok()) {
                    throw new IllegalStateException("mapping failed");
                }
            }
            ops += 100;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mapping engine, one thread: %d-byte order JSON -> OMS JSON, %d rules%n", bytes, mapping.size());
        System.out.printf("%.0f ops/s (%d ops in %.1f s), %.1f us/op%n", ops / seconds, ops, seconds,
                seconds * 1e6 / ops);
    }

    private static JsonObject order() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 6; i++) {
            items.add(Json.createObjectBuilder().add("sku", "LAB-" + (1000 + i)).add("qty", String.valueOf(i + 1))
                    .add("note", "fasting sample, collect before 09:00"));
        }
        return Json.createObjectBuilder().add("id", 4711).add("title", "  Blood panel and lipids  ").add("user_id", 12)
                .add("status", "paid").add("items", items).add("created_at", "2026-11-20T08:15:00+01:00")
                .add("updated_at", "2026-11-20T09:00:00+01:00").add("ward", "Cardiology 3B")
                .add("requested_by", "Dr. A. Okafor").add("clinical_notes", "Follow-up after statin change; patient"
                        + " reports muscle pain. Check CK and liver enzymes as well.").add("priority", "routine").build();
    }
}
