-- The RFC 5322 Message-ID (Graph's internetMessageId) of synced mail, so the Outlook add-in, which knows the
-- item it shows by that id, finds Tandem's view of the same message.
alter table messages add column internet_message_id text;
create index messages_internet_message_id on messages (pairing_id, internet_message_id) where internet_message_id is not null;
