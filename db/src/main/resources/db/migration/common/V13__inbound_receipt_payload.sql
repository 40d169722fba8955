-- An accepted inbound item's payload stays with its receipt until the item is processed (issue #10 found the gap:
-- a stop that splits the commit of a webhook's receipt and its hub.inbound message left a receipt whose only copy
-- of the item was gone). The sweeper queues unprocessed items again from here; processing clears the column.
ALTER TABLE con_inbound_receipt ADD COLUMN pending_payload CHARACTER VARYING;
ALTER TABLE con_inbound_receipt ADD COLUMN enqueued_at TIMESTAMP WITH TIME ZONE;
UPDATE con_inbound_receipt SET enqueued_at = received_at;
CREATE INDEX con_inbound_receipt_pending_ix ON con_inbound_receipt (state, enqueued_at);
