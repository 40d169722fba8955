package org.hms.hub.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The head of one tenant's hash chain (the last entry's position and hash) and its anchor (the last entry retention
 * pruned: the remaining chain is verified from it). Read and changed under a row lock by the one recording
 * transaction at a time.
 */
@Entity
@Table(name = "aud_chain")
public class AuditChain {

    /** The hash before the first entry of a chain. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "tenant_id", length = 64)
    private String tenant;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(name = "anchor_seq", nullable = false)
    private long anchorSeq;

    @Column(name = "anchor_hash", nullable = false, length = 64)
    private String anchorHash;

    @Column(name = "anchor_at")
    private OffsetDateTime anchorAt;

    @Column(nullable = false)
    private long pruned;

    protected AuditChain() {
    }

    public AuditChain(String tenant) {
        this.tenant = tenant;
        this.lastHash = GENESIS;
        this.anchorHash = GENESIS;
    }

    public String tenant() { return tenant; }
    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }
    public long anchorSeq() { return anchorSeq; }
    public String anchorHash() { return anchorHash; }
    public OffsetDateTime anchorAt() { return anchorAt; }
    public long pruned() { return pruned; }

    /** The chain grew by one entry. */
    public void appended(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    /** Retention removed the entries up to {@code seq} (H2; PostgreSQL moves the anchor in {@code aud_prune}). */
    public void anchored(long seq, String hash, OffsetDateTime at, long removed) {
        this.anchorSeq = seq;
        this.anchorHash = hash;
        this.anchorAt = at;
        this.pruned += removed;
    }
}
