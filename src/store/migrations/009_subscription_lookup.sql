-- Graph change notifications name their subscription: found by index, however many arrive at once.
create index sync_state_position_id on sync_state (scope, (position->>'id'));
