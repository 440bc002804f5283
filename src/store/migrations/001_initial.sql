-- Tandem's schema. Message metadata only: no body, preview or attachment is ever stored.

create table tenants (
  id text primary key,                        -- Entra tenant id, or 'dev' for the local dev tenant
  name text not null,
  verified_domains text[] not null default '{}',
  created_at timestamptz not null default now()
);

create table pairings (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants (id),
  mailbox text not null,                      -- SMTP address of the measured mailbox
  owner_address text not null,
  owner_aliases text[] not null default '{}',
  owner_user_id text,                         -- Entra object id, once known
  va_address text not null,
  va_aliases text[] not null default '{}',
  va_user_id text,
  conversation_ref jsonb,                     -- Teams conversation reference for proactive posts
  settings jsonb not null,                    -- validated by src/kpi/settings.ts on every write and read
  locale text not null default 'en',
  created_at timestamptz not null default now(),
  stopped_at timestamptz                      -- bot removed from the chat: schedules stop, data stays
);
create index pairings_tenant on pairings (tenant_id);

create table messages (
  pairing_id uuid not null references pairings (id),
  id text not null,                           -- Graph immutable id, or the import's key
  conversation_id text not null,
  received_at timestamptz not null,
  sent_at timestamptz not null,
  from_address text,
  sender_address text,
  to_addresses text[] not null,
  cc_addresses text[] not null,
  folder text not null,
  is_draft boolean not null,
  categories text[] not null,
  inference text,
  automatic boolean not null,                 -- header flags of the spec's `auto` rule, evaluated at import
  subject text not null,
  deleted_in_mailbox boolean not null default false,
  synced_at timestamptz not null default now(),
  primary key (pairing_id, id)
);
create index messages_received on messages (pairing_id, received_at);

-- "No reply needed" marks made in Tandem (tab, Outlook pane, bot); shown to both, audited, undoable.
create table message_marks (
  pairing_id uuid not null references pairings (id),
  message_id text not null,
  marked_by text not null check (marked_by in ('owner', 'va')),
  reason text not null,
  marked_at timestamptz not null default now(),
  primary key (pairing_id, message_id)
);

-- Sync positions are versioned data (`{ version, deltaLink | watermark, ... }`), zod-parsed on every read.
create table sync_state (
  pairing_id uuid not null references pairings (id),
  scope text not null,                        -- 'mailbox', 'backfill' or a folder id
  position jsonb,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  primary key (pairing_id, scope)
);

create table paused_intervals (
  id bigint generated always as identity primary key,
  pairing_id uuid not null references pairings (id),
  kind text not null check (kind in ('leave', 'out_of_office')),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  created_by text not null check (created_by in ('owner', 'va', 'sync')),
  created_at timestamptz not null default now()
);
create index paused_intervals_pairing on paused_intervals (pairing_id, starts_at);

create table inbox_snapshots (
  pairing_id uuid not null references pairings (id),
  taken_at timestamptz not null,
  item_count integer not null check (item_count >= 0),
  primary key (pairing_id, taken_at)
);

create table feedback (
  pairing_id uuid not null references pairings (id),
  week text not null,                         -- ISO week, e.g. 2026-W47
  author text not null check (author in ('owner', 'va')),
  answers jsonb not null,
  submitted_at timestamptz not null default now(),
  primary key (pairing_id, week, author)
);

-- One row per thing Tandem sends; the key makes each pairing, kind and period happen once. The intent is
-- recorded before sending, so a crash between sending and recording is reconciled, never repeated.
create table posted_items (
  pairing_id uuid not null references pairings (id),
  kind text not null check (kind in ('scorecard', 'summary_mail', 'feedback_reminder', 'monthly_question', 'review', 'inbox_snapshot')),
  period text not null,                       -- ISO week, month or review number
  state text not null check (state in ('intent', 'sent')),
  due_at timestamptz not null,
  late boolean not null default false,
  external_id text,                           -- Teams activity id or sent mail's internetMessageId
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (pairing_id, kind, period)
);

create table audit_log (
  id bigint generated always as identity primary key,
  tenant_id text,
  pairing_id uuid,                            -- no foreign key: the offboarding line outlives the pairing, without it
  actor text not null,                        -- 'owner', 'va', 'system' or 'cli'
  action text not null,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_pairing on audit_log (pairing_id);
