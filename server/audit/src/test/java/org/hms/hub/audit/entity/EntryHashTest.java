package org.hms.hub.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryHashTest {

    private static AuditEntry entry(String details) {
        return new AuditEntry(UUID.fromString("7f1e7a36-8f44-4c57-9d46-2b6c4c0e9a11"), "north", "ConnectorCreated",
                "admin", "corr-1", OffsetDateTime.parse("2026-11-22T10:00:00.123456789+01:00"),
                new EntryFacts("USER", "Connector", "7", "success", null, 7L, "10.0.0.1", "curl/8", details));
    }

    @Test
    void chainsEachEntryToThePreviousHash() {
        AuditEntry first = entry("{\"name\":\"Lab\"}");
        first.chain(1, AuditChain.GENESIS);
        AuditEntry second = entry("{\"name\":\"Lab 2\"}");
        second.chain(2, first.hash());
        assertThat(first.hash()).hasSize(64).isEqualTo(EntryHash.of(AuditChain.GENESIS, first));
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(EntryHash.of(AuditChain.GENESIS, second));
    }

    @Test
    void changesTheHashWhenAnyRecordedFieldChanges() {
        AuditEntry a = entry("{\"name\":\"Lab\"}");
        a.chain(1, AuditChain.GENESIS);
        AuditEntry b = entry("{\"name\":\"Lab!\"}");
        b.chain(1, AuditChain.GENESIS);
        AuditEntry c = entry("{\"name\":\"Lab\"}");
        c.chain(2, AuditChain.GENESIS);
        assertThat(b.hash()).isNotEqualTo(a.hash());
        assertThat(c.hash()).isNotEqualTo(a.hash());
    }

    @Test
    void writesTheCanonicalFormWithSortedMembersAndMicrosecondsInUtc() {
        AuditEntry a = entry("{}");
        a.chain(1, AuditChain.GENESIS);
        String canonical = EntryHash.canonical(a);
        assertThat(canonical).startsWith("{\"action\":\"ConnectorCreated\",\"actor\":\"admin\",\"actorType\":\"USER\","
                + "\"connectorId\":7,\"correlationId\":\"corr-1\",\"details\":\"{}\",\"eventId\":"
                + "\"7f1e7a36-8f44-4c57-9d46-2b6c4c0e9a11\",\"occurredAt\":\"2026-11-22T09:00:00.123456Z\"");
        assertThat(canonical).contains("\"seq\":1,").endsWith("\"userAgent\":\"curl/8\"}");
    }
}
