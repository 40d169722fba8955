package org.hms.hub.model.connector;

import java.time.OffsetDateTime;

/**
 * One connection test.
 *
 * @param latencyMs  from sending the request to the complete answer (or the TCP connect, for HL7)
 * @param httpStatus the peer's HTTP status, when it answered over HTTP
 * @param diagnosis  in plain words: what works, or what failed and what to check
 * @param detail     what the test learnt of the peer, e.g. a FHIR server's version and software
 */
public record ConnectionTest(boolean success, long latencyMs, Integer httpStatus, String diagnosis, String detail,
                             OffsetDateTime testedAt) {
}
