package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.sync.Throughput;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/** Deliveries and dead letters of the current tenant per minute, counted by the database (DATE_TRUNC). */
@ApplicationScoped
public class ThroughputQuery {

    public static final int MAX_MINUTES = 24 * 60;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Transactional
    @SuppressWarnings("unchecked")
    public Throughput perMinute(int minutes) {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        OffsetDateTime start = end.minusMinutes(minutes);
        Map<OffsetDateTime, Long> delivered = counts("SELECT DATE_TRUNC('minute', delivered_at), COUNT(*) FROM con_delivery"
                + " WHERE tenant_id = ? AND delivered_at >= ? GROUP BY DATE_TRUNC('minute', delivered_at)", start);
        Map<OffsetDateTime, Long> failed = counts("SELECT DATE_TRUNC('minute', created_at), COUNT(*) FROM con_dead_letter"
                + " WHERE tenant_id = ? AND created_at >= ? GROUP BY DATE_TRUNC('minute', created_at)", start);
        List<Throughput.Minute> out = new ArrayList<>(minutes);
        for (OffsetDateTime m = start; m.isBefore(end); m = m.plusMinutes(1)) {
            out.add(new Throughput.Minute(m, delivered.getOrDefault(m, 0L), failed.getOrDefault(m, 0L)));
        }
        return new Throughput(out);
    }

    @SuppressWarnings("unchecked")
    private Map<OffsetDateTime, Long> counts(String sql, OffsetDateTime start) {
        Map<OffsetDateTime, Long> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) Tenancy.acrossTenants(em, sql).setParameter(1, tenant.current())
                .setParameter(2, start).getResultList()) {
            counts.put(utc(row[0]).truncatedTo(ChronoUnit.MINUTES), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** A timestamp as a native query returns it (driver-dependent type), in UTC. */
    public static OffsetDateTime utc(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString().replace(' ', 'T')).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
