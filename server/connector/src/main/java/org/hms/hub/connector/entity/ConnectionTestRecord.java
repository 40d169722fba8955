package org.hms.hub.connector.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.hms.hub.model.connector.ConnectionTest;
import org.hms.hub.platform.tenancy.Tenancy;

/** One connection test of a connector, kept for its latency history. */
@Entity
@Table(name = "con_connection_test")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", length = 64, contextProperty = Tenancy.PROPERTY)
@NamedQuery(name = ConnectionTestRecord.RECENT,
        query = "SELECT t FROM ConnectionTestRecord t WHERE t.connectorId = :connectorId ORDER BY t.id DESC")
@NamedQuery(name = ConnectionTestRecord.DELETE_FOR,
        query = "DELETE FROM ConnectionTestRecord t WHERE t.connectorId = :connectorId")
public class ConnectionTestRecord {

    public static final String RECENT = "ConnectionTestRecord.recent";
    public static final String DELETE_FOR = "ConnectionTestRecord.deleteFor";

    @Id
    @SequenceGenerator(name = "con_connection_test_seq", sequenceName = "con_connection_test_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "con_connection_test_seq")
    private Long id;

    @Column(name = "connector_id", nullable = false, updatable = false)
    private long connectorId;

    @Column(name = "tested_at", nullable = false, updatable = false)
    private OffsetDateTime testedAt;

    @Column(nullable = false, updatable = false)
    private boolean success;

    @Column(name = "latency_ms", nullable = false, updatable = false)
    private long latencyMs;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(nullable = false, updatable = false, length = 1000)
    private String diagnosis;

    @Column(updatable = false, length = 1000)
    private String detail;

    protected ConnectionTestRecord() {
    }

    public ConnectionTestRecord(long connectorId, ConnectionTest test) {
        this.connectorId = connectorId;
        this.testedAt = test.testedAt();
        this.success = test.success();
        this.latencyMs = test.latencyMs();
        this.httpStatus = test.httpStatus();
        this.diagnosis = cut(test.diagnosis());
        this.detail = cut(test.detail());
    }

    public ConnectionTest view() {
        return new ConnectionTest(success, latencyMs, httpStatus, diagnosis, detail, testedAt);
    }

    private static String cut(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 1000));
    }
}
