// `npm run bench`: the KPI engine on 1,000,000 synthetic messages over 52 weeks, timed next to a bare
// Array.prototype.sort of the same objects in the same run, and its peak memory next to the loaded input.
// Targets (issue #3): engine/sort ratio ≤ 3, memory ratio ≤ 1.5.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { computeKpi, type KpiInput } from '../src/kpi/engine.ts';
import type { FolderKind, Interval, MessageMeta } from '../src/kpi/message.ts';
import { parseSettings } from '../src/kpi/settings.ts';
import { seededRandom } from '../src/devtenant/seeded-random.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const WEEKS = 52;
const FIRST_MONDAY = Date.UTC(2025, 10, 24); // 2025-11-24
const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;
const OWNER = 'owner@contoso.com';
const VA = 'va@contoso.com';
const SAMPLE_EVERY_MS = 5;


function generate(count: number): MessageMeta[] {
  const random = seededRandom(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const senders = Array.from({ length: 5_000 }, (_, i) => (i % 50 === 0 ? `no-reply${i}@shop${i}.example` : `person${i}@client${i % 700}.example`));
  const subjects = Array.from({ length: 2_000 }, (_, i) => `Order ${i} and the delivery schedule`);
  const inboundFolders: FolderKind[] = ['inbox', 'inbox', 'inbox', 'inbox', 'archive', 'deleteditems', 'junkemail', 'other'];
  const messages: MessageMeta[] = [];
  let conversation = 0;
  while (messages.length < count) {
    const conversationId = `AAQkAGI2TG93AAA${(conversation++).toString(36)}=`;
    let instant = FIRST_MONDAY + random() * WEEKS * WEEK_MS;
    const from = pick(senders);
    const subject = pick(subjects);
    const turns = 1 + Math.floor(random() * 4);
    for (let turn = 0; turn < turns && messages.length < count; turn++) {
      const outbound = turn % 2 === 1;
      const roll = random();
      messages.push({
        id: `AAMkAGI2${messages.length.toString(36)}AAA=`,
        conversationId,
        receivedAt: instant,
        sentAt: instant,
        from: outbound ? OWNER : from,
        sender: outbound ? (roll < 0.7 ? VA : OWNER) : null,
        to: outbound ? [from] : roll < 0.05 ? ['team@client.example'] : [OWNER],
        cc: roll < 0.2 ? [VA] : [],
        folder: outbound ? 'sentitems' : pick(inboundFolders),
        isDraft: false,
        categories: roll > 0.97 ? ['No reply needed'] : [],
        inference: roll < 0.3 ? 'other' : 'focused',
        automatic: roll > 0.9 && roll <= 0.97,
        subject,
      });
      instant += random() * 40 * HOUR_MS;
    }
  }
  // Mail arrives from many folders in no particular order; sorting sorted input would flatter the baseline.
  for (let i = messages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [messages[i], messages[j]] = [messages[j]!, messages[i]!];
  }
  return messages;
}

function gc(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (npm run bench does)');
  globalThis.gc();
  globalThis.gc();
}

/** Samples the process's RSS from another thread, since the engine holds the main thread while it runs. */
async function peakRssWhile<T>(work: () => T): Promise<{ result: T; peak: number; ms: number }> {
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0, running = true;
     parentPort.on('message', () => { running = false; parentPort.postMessage(peak); });
     (function sample() { peak = Math.max(peak, process.memoryUsage.rss()); if (running) setTimeout(sample, ${SAMPLE_EVERY_MS}); })();`,
    { eval: true },
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  const peak = await new Promise<number>((resolve) => {
    sampler.once('message', resolve);
    sampler.postMessage('stop');
  });
  await sampler.terminate();
  return { result, peak: Math.max(peak, process.memoryUsage.rss()), ms };
}

function engineInput(messages: MessageMeta[], clock: 'calendar' | 'working'): KpiInput {
  const leave: Interval[] = [0, 10, 20, 30, 40, 50].map((week) => ({ start: FIRST_MONDAY + week * WEEK_MS + 2 * 86_400_000, end: FIRST_MONDAY + week * WEEK_MS + 5 * 86_400_000 }));
  return {
    messages,
    people: { mailbox: [OWNER], owner: [OWNER], va: [VA], internalDomains: ['contoso.com'] },
    settings: parseSettings({ clock, timeZone: 'Europe/Copenhagen' }),
    paused: leave,
    now: FIRST_MONDAY + WEEKS * WEEK_MS + 86_400_000,
    period: { from: '2025-11-24', to: '2026-11-22' },
  };
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

async function main(): Promise<void> {
  process.stdout.write(`Generating ${MESSAGES.toLocaleString('en')} messages over ${WEEKS} weeks…\n`);
  const messages = generate(MESSAGES);

  const sortStarted = performance.now();
  const sorted = messages.slice().sort((a, b) => a.receivedAt - b.receivedAt);
  const sortMs = performance.now() - sortStarted;
  if (sorted.length !== messages.length) throw new Error('sort lost messages');

  const runs: Array<{ clock: string; ms: number; peak: number; loaded: number; counted: number }> = [];
  for (const clock of ['calendar', 'working'] as const) {
    const input = engineInput(messages, clock);
    gc();
    const loaded = process.memoryUsage.rss();
    const { result, peak, ms } = await peakRssWhile(() => computeKpi(input));
    runs.push({ clock, ms, peak, loaded, counted: result.weeks.reduce((sum, week) => sum + week.counted, 0) });
  }

  process.stdout.write(`Array.prototype.sort by receive time: ${sortMs.toFixed(0)} ms\n`);
  for (const run of runs) {
    process.stdout.write(`engine (${run.clock} clock): ${run.ms.toFixed(0)} ms, ${run.counted.toLocaleString('en')} counted; RSS loaded ${mb(run.loaded)}, peak ${mb(run.peak)}\n`);
  }
  const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  const hungriest = runs.reduce((a, b) => (b.peak / b.loaded > a.peak / a.loaded ? b : a));
  process.stdout.write(`engine/sort ratio: ${(slowest.ms / sortMs).toFixed(2)}\n`);
  process.stdout.write(`memory ratio: ${(hungriest.peak / hungriest.loaded).toFixed(2)}\n`);
}

await main();
