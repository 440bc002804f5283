-- A sender holds a delivery for a lease while it sends; an expired lease is a sender that died.
alter table posted_items add column claimed_until timestamptz;
