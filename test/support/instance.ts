// One Tandem job instance as a child process, for crash, multi-instance and fan-out runs: the real job
// system on the given PostgreSQL posting through the production chat poster (botbuilder's CloudAdapter, the SDK
// fetching the bot's tokens from the dev identity; Graph's chat messages for findPosted) to the Teams stand-in
// the parent runs, with a fixed clock and short leases.
// Env: DATABASE_URL, TANDEM_NOW (ISO instant), TANDEM_JOB_CONCURRENCY, MAIL_DIR, INSTANCE (a label for the log),
// TEAMS_STAND_IN (JSON: the stand-in's bot settings and Graph app, see teamsStandInEnv), PLAN_EVERY_MS (how often
// this instance plans; 0: never, it only works), CRASH_AFTER_POSTS (kill -9 itself right after that many posts
// reached the chat, before they are recorded: the worst moment to die), LEASE_MS.
import { fileMailSender } from '../../src/devtenant/local-ports.ts';
import { createAppAuth } from '../../src/graph/auth.ts';
import { graphChatHistory } from '../../src/graph/chat-history.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import { startJobSystem } from '../../src/jobs/job-system.ts';
import type { ChatPoster } from '../../src/ports/chat.ts';
import { jsonLogger } from '../../src/log.ts';
import { openDatabase } from '../../src/store/database.ts';
import { teamsChatPoster } from '../../src/wiring/chat.ts';
import { emptyMailbox } from './fakes.ts';
import { deliveryServices } from './services.ts';
import { parseTeamsStandInEnv } from './teams-stand-in-env.ts';

const now = Date.parse(process.env.TANDEM_NOW ?? '');
const url = process.env.DATABASE_URL;
const mailDir = process.env.MAIL_DIR;
if (Number.isNaN(now) || url === undefined || mailDir === undefined) throw new Error('instance needs TANDEM_NOW, DATABASE_URL and MAIL_DIR');
const concurrency = Number(process.env.TANDEM_JOB_CONCURRENCY ?? 8);
const instance = process.env.INSTANCE ?? '0';
const teams = parseTeamsStandInEnv(process.env.TEAMS_STAND_IN);
/** Long enough for any one post with its retries (the poster stops retrying after POST_PATIENCE_MS). */
const leaseMs = Number(process.env.LEASE_MS ?? 15_000);
const POST_PATIENCE_MS = 5_000;

const log = jsonLogger((line) => process.stdout.write(line.replace('{', `{"instance":"${instance}",`)));
const graph = createGraphClient({ auth: createAppAuth(teams.graphApp), baseUrl: teams.graphApp.graphBaseUrl, trustedCaPem: teams.graphApp.trustedCaPem, logger: log });
const poster = teamsChatPoster(teams.bot, graphChatHistory(graph), log, { maxWaitMs: POST_PATIENCE_MS });
const crashAfterPosts = Number(process.env.CRASH_AFTER_POSTS ?? 0);
let posts = 0;
const chat: ChatPoster = {
  async post(conversation, card, key) {
    const id = await poster.post(conversation, card, key);
    if (++posts === crashAfterPosts) process.kill(process.pid, 'SIGKILL');
    return id;
  },
  findPosted: (conversation, key) => poster.findPosted(conversation, key),
};

const db = await openDatabase({ url, maxConnections: concurrency * 2 + 4 });
const jobs = await startJobSystem(
  db,
  { ...deliveryServices(db), db, chat, mail: fileMailSender(mailDir), mailbox: emptyMailbox, clock: { now: () => now }, log, leaseMs },
  { concurrency, syncEveryMinutes: 5, retentionDays: 400, schedule: false },
);
log.info('instance_ready');
// The cron planner runs every minute; here it runs as often as the run asks, so a crash test needs no waiting.
const planEveryMs = Number(process.env.PLAN_EVERY_MS ?? 300);
while (planEveryMs > 0) {
  await jobs.planNow();
  await new Promise((resolve) => setTimeout(resolve, planEveryMs));
}
