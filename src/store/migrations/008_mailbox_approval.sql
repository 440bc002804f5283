-- Who allowed Tandem to read a pairing's mailbox: 'own' (the owner's own address, checked in the directory at
-- set-up), 'admin' (a tenant admin approved it), 'operator' (set up by whoever runs the server: the CLI or the
-- local demo). Null: waiting for an admin; the sync refuses such a mailbox. Pairings from before this check
-- were set up by their owners in the chat or by an operator, and keep working as 'operator'.
alter table pairings add column mailbox_approval text check (mailbox_approval in ('own', 'admin', 'operator'));
update pairings set mailbox_approval = 'operator';
