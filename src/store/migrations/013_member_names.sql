-- Each person's display name as Teams shows it (the roster's or an activity's `name`): cards, the tab and the pane
-- name people rather than print their address, and an @mention needs the name it shows. Null until the chat has
-- shown it; the address stands in until then.
alter table pairings add column owner_name text;
alter table pairings add column va_name text;
