-- Each person's Teams user id in the bot's chat (the roster's `id`, `29:…`), beside their Entra object id: an
-- Adaptive Card's refresh.userIds must name people by that id, which cannot be derived from the object id, so
-- it is stored when the roster or one of their turns shows it. Null until then; nothing to backfill from.
alter table pairings add column owner_mri text;
alter table pairings add column va_mri text;
