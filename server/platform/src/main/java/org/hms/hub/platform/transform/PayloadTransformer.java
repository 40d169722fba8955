package org.hms.hub.platform.transform;

import java.util.List;

/**
 * Transforms a payload with one of the current tenant's mappings. Declared in the shared kernel so that the sync
 * engine (connector module) can use mappings without depending on the mapping module, which implements it.
 */
public interface PayloadTransformer {

    /** The mapping's output, or the errors (rule and path) that prevented it; never throws for bad input. */
    Result transform(long mappingId, String payloadJson);

    /** The output of a built-in template (e.g. {@code order-api-to-oms}), for callers with no mapping of their own. */
    Result transformWithTemplate(String templateKey, String payloadJson);

    /** Whether the current tenant has this mapping. */
    boolean exists(long mappingId);

    record Result(String output, String contentType, List<String> errors) {

        public boolean ok() {
            return errors.isEmpty() && output != null;
        }
    }
}
