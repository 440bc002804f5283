-- The completion KPI's tasks (docs/kpi.md §11): metadata of the VA's Planner or To Do tasks, never a
-- description, checklist or attachment. `source` is the pairing's taskSource they were read from, so a
-- pairing that switches lists keeps the old rows apart until retention removes them. The sync's position
-- (Planner etags, the To Do delta link) lives in sync_state under the scope 'tasks'.
create table tasks (
  pairing_id uuid not null references pairings (id),
  source text not null,                       -- 'planner:<planId>' or 'todo:<listId>'
  id text not null,                           -- Planner task id or To Do task id
  title text not null,
  due_at timestamptz,                         -- the instant it names (for retention and ordering)
  due_date_time text,                         -- To Do only: the wall-clock dateTime as Graph gave it
  due_time_zone text,                         -- To Do only: the zone that dateTime is in
  assigned_to_va boolean not null,
  completed_at timestamptz,
  deleted_at timestamptz,                     -- when a sync first found it gone from its plan or list
  etag text,
  web_url text,
  synced_at timestamptz not null default now(),
  primary key (pairing_id, source, id),
  check ((due_date_time is null) = (due_time_zone is null))
);
create index tasks_due on tasks (pairing_id, source, due_at);
