-- What a delivery made ready before sending it (a summary mail's draft, by its immutable id) and whether it
-- then asked for it to be sent: a retry sends that same draft or looks for it, and never sends a second one.
alter table posted_items add column prepared_id text, add column send_requested_at timestamptz;
