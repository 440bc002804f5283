-- Feedback answered a second time keeps one answer, the later one, marked as edited (the bot's form, the tab).
alter table feedback add column edited boolean not null default false;
