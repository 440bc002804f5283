-- The Outlook pane reads one message's conversation, not the whole mailbox since that message arrived.
create index messages_conversation on messages (pairing_id, conversation_id, received_at);
-- The tab and the pane find the signed-in person's pairings by tenant and Entra object id.
create index pairings_owner_user on pairings (tenant_id, owner_user_id);
create index pairings_va_user on pairings (tenant_id, va_user_id);
