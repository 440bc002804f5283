// Health and readiness through the real app, in process.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.ts';
import { createApp } from '../src/wiring/http-app.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';

describe('health endpoints', () => {
  it('reports up, and ready only when the database is migrated and the workers run', async () => {
    const db = await openDatabase({});
    let jobsRunning = true;
    const app = createApp({ db, jobsRunning: () => jobsRunning, log: silentLogger });
    try {
      expect((await app.request('/healthz')).status).toBe(200);
      const unmigrated = await app.request('/readyz');
      expect(unmigrated.status).toBe(503);
      expect(await unmigrated.json()).toEqual({ status: 'not ready', checks: { database: true, migrations: false, jobs: true } });
      await migrate(db);
      expect((await app.request('/readyz')).status).toBe(200);
      jobsRunning = false;
      expect(await (await app.request('/readyz')).json()).toMatchObject({ checks: { jobs: false } });
    } finally {
      await db.close();
    }
  });

  it('is not ready when the database is gone', async () => {
    const db = await openDatabase({});
    await migrate(db);
    const app = createApp({ db, jobsRunning: () => true, log: silentLogger });
    await db.close();
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { database: false } });
  });
});
