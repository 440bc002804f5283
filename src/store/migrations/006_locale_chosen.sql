-- Whether the owner chose the chat's language: until they do, it follows the mailbox's language
-- (mailboxSettings.language) as each sync reads it; a chosen language is never overwritten by a sync.
alter table pairings add column locale_chosen boolean not null default false;
