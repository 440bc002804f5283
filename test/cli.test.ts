// `tandem report` end to end: the installed command on real files, as a user runs it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tandem as runTandem } from './support/cli.ts';

const GRAPH_EXPORT = fileURLToPath(new URL('./fixtures/cli/worked-examples.graph.json', import.meta.url));

const tandem = (...args: string[]) => runTandem(args);

const REPORT = ['report', '--source', GRAPH_EXPORT, '--mailbox', 'owner@contoso.com', '--va', 'va@contoso.com'];

describe('tandem report on a Graph export', () => {
  it("gives the spec's numbers as JSON", async () => {
    const { code, stdout } = await tandem(...REPORT, '--now', '2026-11-21T17:59Z', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.weeks).toHaveLength(1);
    expect(report.weeks[0]).toMatchObject({
      week: '2026-W47',
      counted: 3,
      onTime: 2,
      late: 1,
      missed: 0,
      pending: 1,
      rate: 2 / 3,
      met: false,
      medianMinutes: 23.5 * 60,
      p90Minutes: 24.5 * 60,
      excluded: { auto: 3, noreply: 1, junk: 1, cc: 1, internal: 0, other: 0, marked: 1 },
      answeredBy: { va: 1, owner: 2, other: 0 },
      inboxZero: null,
    });
    expect(report.weeks[0].oldestWaiting).toEqual([
      { id: 'm3', from: 'client@fabrikam.com', subject: 'Quote for the spring catalogue', receivedAt: '2026-11-20T18:00:00.000Z', status: 'pending', remainingMinutes: 1 },
    ]);
    expect(report).toMatchObject({ invalid: 1, duplicates: 1, settings: { responseTargetPct: 90, windowHours: 24 } });
  });

  it('turns pending into missed once the window has passed', async () => {
    const { stdout } = await tandem(...REPORT, '--now', '2026-11-21T18:01Z', '--json');
    expect(JSON.parse(stdout).weeks[0]).toMatchObject({ counted: 4, missed: 1, pending: 0, rate: 0.5 });
  });

  it('prints a readable weekly table', async () => {
    const { code, stdout } = await tandem(...REPORT, '--now', '2026-11-21T18:01Z');
    expect(code).toBe(0);
    expect(stdout).toContain('Target: 90% answered within 24 h (calendar clock, UTC)');
    expect(stdout).toMatch(/2026-W47\s+4\s+2\s+1\s+1\s+0\s+50\.0%\s+no\s+23h 30m\s+24h 30m\s+–/);
    expect(stdout).toContain('duplicates 1, invalid 1');
  });

  it('reads settings from a file, and the working clock changes the result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
    const settings = join(dir, 'settings.json');
    await writeFile(settings, JSON.stringify({ clock: 'working', responseTargetPct: 75, timeZone: 'Europe/Copenhagen' }));
    const { code, stdout } = await tandem(...REPORT, '--now', '2026-11-23T12:00Z', '--settings', settings, '--json');
    expect(code).toBe(0);
    // Working hours Mon–Fri 09:00–17:00 Copenhagen: the Friday 19:00 message has waited 4 working hours by Monday 13:00;
    // responses are 6 h, 8.5 h and 7.5 h of working time.
    expect(JSON.parse(stdout).weeks[0]).toMatchObject({ counted: 3, onTime: 3, pending: 1, rate: 1, met: true, medianMinutes: 450, p90Minutes: 510 });
  });
});

describe('tandem report on forwards whose subjects differ only in case', () => {
  // inbox/1 "FW: Contract" and inbox/2 "FW: contract": one sender, one minute, other attachments, two mails.
  // all_documents/1 is inbox/1 again under another Message-ID with its subject spaced differently: a copy.
  const FORWARDS = fileURLToPath(new URL('./fixtures/sources/case-forwards', import.meta.url));

  it('counts both forwards and the stored copy once', async () => {
    const { code, stdout } = await tandem('report', '--source', FORWARDS, '--mailbox', 'owner@contoso.com', '--now', '2026-11-23T00:00Z', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.weeks).toMatchObject([{ week: '2026-W47', counted: 2, missed: 2 }]);
    expect(report.duplicates).toBe(1);
    expect(report.weeks[0].oldestWaiting.map((waiting: { subject: string }) => waiting.subject).sort()).toEqual(['FW: Contract', 'FW: contract']);
  });
});

describe('tandem report names people by the addresses their mail carries', () => {
  it('takes an owner address with two dots in a row, and credits that address\'s reply to the owner', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
    const mbox = join(dir, 'mail.mbox');
    await writeFile(
      mbox,
      [
        'From client@fabrikam.com Mon Nov 16 09:00:00 2026',
        'From: client@fabrikam.com',
        'To: owner@contoso.com',
        'Date: Mon, 16 Nov 2026 09:00:00 +0000',
        'Message-ID: <q1@fabrikam.com>',
        'Subject: Quote',
        '',
        'Body',
        '',
        'From j..smith@contoso.com Mon Nov 16 11:00:00 2026',
        'From: J. Smith <J..Smith@contoso.com>',
        'To: client@fabrikam.com',
        'Date: Mon, 16 Nov 2026 11:00:00 +0000',
        'Message-ID: <r1@contoso.com>',
        'In-Reply-To: <q1@fabrikam.com>',
        'Subject: Re: Quote',
        '',
        'Reply',
        '',
      ].join('\n'),
    );
    const run = (...owner: string[]) => tandem('report', '--source', mbox, '--mailbox', 'owner@contoso.com', ...owner, '--now', '2026-11-23T00:00Z', '--json');
    // Without the owner's second address the reply is someone else's mail, and the question is missed.
    expect(JSON.parse((await run()).stdout).weeks[0]).toMatchObject({ counted: 1, missed: 1 });
    const { code, stdout, stderr } = await run('--owner', 'owner@contoso.com', '--owner', 'J..Smith@contoso.com');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Answered 2 h after it arrived, by the owner.
    expect(JSON.parse(stdout).weeks[0]).toMatchObject({ counted: 1, onTime: 1, missed: 0, medianMinutes: 120, answeredBy: { owner: 1, va: 0, other: 0 } });
  });
});

describe('tandem report on a large mbox', () => {
  it('reports progress on stderr for sources over 10,000 messages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
    const mbox = join(dir, 'large.mbox');
    const message = (i: number) =>
      `From client@fabrikam.com Mon Nov 16 09:00:00 2026\nFrom: client@fabrikam.com\nTo: owner@contoso.com\nDate: Mon, 16 Nov 2026 09:00:00 +0000\nMessage-ID: <m${i}@fabrikam.com>\nSubject: Order ${i}\n\nBody ${i}\n\n`;
    await writeFile(mbox, Array.from({ length: 10_500 }, (_, i) => message(i)).join(''));
    const { code, stdout, stderr } = await tandem('report', '--source', mbox, '--mailbox', 'owner@contoso.com', '--now', '2026-11-23T00:00Z', '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('tandem: read 10,000 messages');
    expect(JSON.parse(stdout).weeks[0]).toMatchObject({ counted: 10_500, missed: 10_500 });
  });
});

describe('tandem report refuses bad input with exit code 2 and one line', () => {
  it.each([
    [['report', '--mailbox', 'owner@contoso.com'], '--source is required'],
    [['report', '--source', GRAPH_EXPORT], '--mailbox is required'],
    [['report', '--source', GRAPH_EXPORT, '--mailbox', 'not-an-address'], '--mailbox must be an e-mail address'],
    [[...REPORT, '--owner', 'olivia owner@contoso.com'], '--owner must be an e-mail address (got "olivia owner@contoso.com")'],
    [[...REPORT, '--va', ''], '--va must be an e-mail address (got "")'],
    [[...REPORT, '--va', 'Victor <va@contoso.com>'], '--va must be an e-mail address (got "victor <va@contoso.com>")'],
    [[...REPORT, '--now', 'yesterday'], '--now must be an ISO 8601 instant with a zone'],
    [[...REPORT, '--now', '2026-11-21T18:01'], '--now must be an ISO 8601 instant with a zone'],
    [[...REPORT, '--from', '2026-02-30'], '--from must be a date YYYY-MM-DD'],
    [[...REPORT, '--tz', 'Mars/Olympus_Mons'], '--tz must be an IANA time zone'],
    [[...REPORT, '--colour', 'blue'], "Unknown option '--colour'"],
    [['report', '--source', '/nonexistent/mail.mbox', '--mailbox', 'owner@contoso.com'], '/nonexistent/mail.mbox'],
    [['reprot'], 'unknown command "reprot"'],
  ])('%j', async (args, message) => {
    const { code, stderr, stdout } = await tandem(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('names the field and range of a bad setting, and refuses a flag that contradicts the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ windowHours: 200, timeZone: 'UTC' }));
    const tooLong = await tandem(...REPORT, '--settings', bad);
    expect(tooLong).toMatchObject({ code: 2 });
    expect(tooLong.stderr).toContain('windowHours must be a whole number from 1 to 168 hours');
    const contradiction = await tandem(...REPORT, '--settings', bad, '--tz', 'Europe/Oslo');
    expect(contradiction).toMatchObject({ code: 2 });
    expect(contradiction.stderr).toContain('--tz Europe/Oslo contradicts timeZone "UTC"');
  });
});
