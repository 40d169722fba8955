-- Audit entries are never changed: an UPDATE is refused for everyone (the table owner included). Removing
-- entries is retention's alone: through aud_prune(), which keeps the chain's anchor. With the role set-up of
-- docs/audit.md the application's role has no DELETE on aud_entry and reaches it only through this function.
CREATE FUNCTION aud_entry_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: UPDATE of aud_entry % refused', OLD.id
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER aud_entry_append_only BEFORE UPDATE ON aud_entry
    FOR EACH ROW EXECUTE FUNCTION aud_entry_refuse_update();

-- Prunes a tenant's chain up to and including p_up_to_seq, but only entries recorded before p_cutoff, and moves
-- the anchor to the last pruned entry. SECURITY DEFINER: runs with the owner's rights. Returns the rows removed.
CREATE FUNCTION aud_prune(p_tenant VARCHAR, p_up_to_seq BIGINT, p_cutoff TIMESTAMP WITH TIME ZONE)
    RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    v_last_seq  BIGINT;
    v_last_hash VARCHAR(64);
    v_removed   BIGINT;
BEGIN
    IF p_cutoff > now() - INTERVAL '1 day' THEN
        RAISE EXCEPTION 'aud_prune: the cutoff % is less than a day old', p_cutoff;
    END IF;
    SELECT seq, hash INTO v_last_seq, v_last_hash FROM aud_entry
        WHERE tenant_id = p_tenant AND seq <= p_up_to_seq AND recorded_at < p_cutoff
        ORDER BY seq DESC LIMIT 1;
    IF v_last_seq IS NULL THEN
        RETURN 0;
    END IF;
    DELETE FROM aud_entry WHERE tenant_id = p_tenant AND seq <= v_last_seq;
    GET DIAGNOSTICS v_removed = ROW_COUNT;
    UPDATE aud_chain SET anchor_seq = v_last_seq, anchor_hash = v_last_hash, anchor_at = now(),
        pruned = pruned + v_removed WHERE tenant_id = p_tenant;
    RETURN v_removed;
END;
$$;

-- Only the owner and, when the role set-up of docs/audit.md exists, the application role may prune — the latter
-- without DELETE, UPDATE or TRUNCATE on the entries themselves.
REVOKE EXECUTE ON FUNCTION aud_prune(VARCHAR, BIGINT, TIMESTAMP WITH TIME ZONE) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hub_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON aud_entry FROM hub_app;
        GRANT SELECT, INSERT ON aud_entry TO hub_app;
        GRANT EXECUTE ON FUNCTION aud_prune(VARCHAR, BIGINT, TIMESTAMP WITH TIME ZONE) TO hub_app;
    END IF;
END;
$$;
