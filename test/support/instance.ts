// One Tandem job instance as a child process, for crash, multi-instance and fan-out runs: the real job
// system on the given PostgreSQL with the local bot connector, a fixed clock and short leases.
// Env: DATABASE_URL, TANDEM_NOW (ISO instant), TANDEM_JOB_CONCURRENCY, MAIL_DIR, INSTANCE (a label for the log),
// PLAN_EVERY_MS (how often this instance plans; 0: never, it only works), CRASH_AFTER_POSTS (kill -9 itself
// right after that many posts reached the chat, before they are recorded: the worst moment to die).
import { connectorPoster } from '../../bot/connector-poster.ts';
import { fileMailSender } from '../../src/devtenant/local-ports.ts';
import { startJobSystem } from '../../src/jobs/job-system.ts';
import type { ChatPoster } from '../../src/ports/chat.ts';
import { jsonLogger } from '../../src/log.ts';
import { openDatabase } from '../../src/store/database.ts';
import { emptyMailbox } from './fakes.ts';
import { deliveryServices } from './services.ts';

const now = Date.parse(process.env.TANDEM_NOW ?? '');
const url = process.env.DATABASE_URL;
const mailDir = process.env.MAIL_DIR;
if (Number.isNaN(now) || url === undefined || mailDir === undefined) throw new Error('instance needs TANDEM_NOW, DATABASE_URL and MAIL_DIR');
const concurrency = Number(process.env.TANDEM_JOB_CONCURRENCY ?? 8);
const instance = process.env.INSTANCE ?? '0';


const crashAfterPosts = Number(process.env.CRASH_AFTER_POSTS ?? 0);
const poster = connectorPoster();
let posts = 0;
const chat: ChatPoster = {
  async post(conversation, card, key) {
    const id = await poster.post(conversation, card, key);
    if (++posts === crashAfterPosts) process.kill(process.pid, 'SIGKILL');
    return id;
  },
  findPosted: (conversation, key) => poster.findPosted(conversation, key),
};

const log = jsonLogger((line) => process.stdout.write(line.replace('{', `{"instance":"${instance}",`)));
const db = await openDatabase({ url, maxConnections: concurrency * 2 + 4 });
const jobs = await startJobSystem(
  db,
  { ...deliveryServices(db), db, chat, mail: fileMailSender(mailDir), mailbox: emptyMailbox, clock: { now: () => now }, log, leaseMs: 2_000 },
  { concurrency, syncEveryMinutes: 5, retentionDays: 400, schedule: false },
);
log.info('instance_ready');
// The cron planner runs every minute; here it runs as often as the run asks, so a crash test needs no waiting.
const planEveryMs = Number(process.env.PLAN_EVERY_MS ?? 300);
while (planEveryMs > 0) {
  await jobs.planNow();
  await new Promise((resolve) => setTimeout(resolve, planEveryMs));
}
