-- Outlook on the web's link to each synced message (Graph's webLink), so a card or the tab can open a waiting
-- message where it is answered. Mail from files has none.
alter table messages add column web_link text;
