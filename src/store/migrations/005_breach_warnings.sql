-- Pairings that asked for breach warnings in the chat (a row: on), and when the last warning went out, so
-- that at most one goes out per hour however many instances check.
create table breach_warnings (
  pairing_id uuid primary key references pairings (id),
  enabled_at timestamptz not null default now(),
  last_warned_at timestamptz
);
