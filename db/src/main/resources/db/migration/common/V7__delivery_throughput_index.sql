-- Deliveries per minute of a tenant (dashboard chart): by delivery time across the tenant's connectors.
CREATE INDEX con_delivery_tenant_delivered_ix ON con_delivery (tenant_id, delivered_at);
CREATE INDEX con_dead_letter_tenant_created_ix ON con_dead_letter (tenant_id, created_at);
