// A task's link, written out by hand: Planner's own address in the pairing's tenant; none for To Do.
import { describe, expect, it } from 'vitest';
import { taskLink } from './task-links.ts';

describe('taskLink', () => {
  it('opens a Planner task at Planner\'s own address in the tenant', () => {
    expect(taskLink('planner', '6a1f0a3e-93b5-4a0c-9a57-1d3f7c9a2b10', 'pbNcGTpZwUOyFpKLmTbbpWUAE4Gz')).toBe(
      'https://tasks.office.com/6a1f0a3e-93b5-4a0c-9a57-1d3f7c9a2b10/Home/Task/pbNcGTpZwUOyFpKLmTbbpWUAE4Gz',
    );
  });

  it('keeps an id that names another path, query or host inside its one segment', () => {
    expect(taskLink('planner', 'tenant', '../../evil?x=1#@attacker.example/')).toBe('https://tasks.office.com/tenant/Home/Task/..%2F..%2Fevil%3Fx%3D1%23%40attacker.example%2F');
    expect(new URL(taskLink('planner', 'a/b', 'id')!).host).toBe('tasks.office.com');
  });

  it('gives a To Do task none: only the person who holds the list could open it', () => {
    expect(taskLink('todo', 'tenant', 'AAMkAGI2')).toBeNull();
  });
});
