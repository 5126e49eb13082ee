/**
 * Notifications benchmark: 2,000 outbox messages to 500 conversations (4 each, spread over requests
 * in every shard), delivered by the real outbox worker and Teams sender through a local Bot Connector
 * that enforces Teams' limits (per conversation 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h; per tenant
 * 50 / s) and answers 429 when a call exceeds them. Storage is a fresh in-memory Azurite per mode.
 *
 * Two modes, one after the other:
 * - one instance: the achieved delivery rate as a share of the configured per-tenant ceiling
 *   (OUTBOX_TENANT_RATE, default 45 / s). Goal ≥ 97 %, 0 lost, 0 duplicated.
 * - three instances (three outbox workers in this process, each built as production builds one: its
 *   own storage clients, sender, limiter, share of the tenant budget and owner name) on one storage
 *   account and one tenant, the tenant's calls scheduled for all of them through Table Storage
 *   (tenant-allowance.ts): the summed delivery rate against the ceiling. Goals: ≥ 95 %, 0 lost, 0 duplicated.
 * In both, the busiest one-second span of calls arriving at the connector (429s included: what Teams
 * counts) must stay within Teams' own limit.
 * Lost and duplicated are checked against what the connector accepted.
 *
 *   npm run bench -- notifications [--messages 2000] [--conversations 500] [--rate 45] [--teams-rate 50] [--instances 3]
 *     [--batch 10] [--late 75] [--local-budget (each instance limits itself alone, as before)] [--all-shards]
 */
import { randomUUID } from 'node:crypto';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { TeamsRateLimiter } from '../../src/domain/delivery/rate-limiter';
import { message } from '../../src/services/notifications/route-messages';
import { OutboxWorker } from '../../src/services/outbox/outbox-worker';
import { systemClock } from '../../src/domain/ports/clock';
import { SHARD_COUNT } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { TableEndpointStore } from '../../src/storage/conversations/table-endpoint-store';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableTenantBudget } from '../../src/storage/budget/table-tenant-budget';
import { TenantAllowance } from '../../src/services/outbox/tenant-allowance';
import { DEFAULT_BUDGET_LATE_MS } from '../../src/domain/delivery/shared-budget';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableService } from '../../src/storage/table-service';
import { TeamsMessageSender } from '../../src/teams/proactive/teams-message-sender';
import { DEFAULT_TENANT_RATE } from '../../src/config/load-config';
import { startAzurite } from '../lib/azurite';
import { findFreePort } from '../lib/ports';
import { numberArg } from './lib/args';
import { Results } from './lib/goals';
import { startLimitedConnectorChild } from './lib/limited-connector-child';
import { machineLine } from './lib/machine';
import { paceOf, peakInSecond, peakInWindow, requestOf } from './lib/notification-bench';

const MESSAGES = numberArg('messages', 2000);
const CONVERSATIONS = numberArg('conversations', 500);
/** The per-tenant ceiling the bot is configured with (OUTBOX_TENANT_RATE, default 45). */
const CEILING = numberArg('rate', DEFAULT_TENANT_RATE);
/** What Teams itself enforces per app per tenant (Microsoft's rate-limiting page, October 2026). */
const TEAMS_TENANT_RATE = numberArg('teams-rate', 50);
/** The limiter's safety margin on the conversation windows (ms), as the bot runs it (start-notifications.ts). */
const MARGIN_MS = numberArg('margin', 100);
/** Its margin on the tenant window (ms): none in production (the configured rate holds the headroom). */
const TENANT_MARGIN_MS = numberArg('tenant-margin', 0);
const TENANT = '8d2b7c1e-4f3a-4e2b-9c6d-1a2b3c4d5e6f';
/** The shared budget's claim size (OUTBOX_BUDGET_BATCH); `--local-budget` runs without it. */
const BATCH = numberArg('batch', 10);
/** How late after its instant a call may still be made (ms; default DEFAULT_BUDGET_LATE_MS). */
const LATE_MS = numberArg('late', DEFAULT_BUDGET_LATE_MS);
const SHARED = !process.argv.includes('--local-budget');
const ALL_SHARDS = process.argv.includes('--all-shards');
/** Which modes to run: `--instances 3` runs only the three-instance one. */
const MODES = process.argv.includes('--instances') ? [numberArg('instances', 1)] : [1, 3];

interface ModeFigures {
  readonly instances: number;
  readonly elapsed: number;
  readonly rate: number;
  readonly peak: number;
  readonly peakCalendar: number;
  /** Accepted calls per second between the connector's first and last accepted call. */
  readonly pace: number;
  readonly throttled: number;
  readonly retried: number;
  readonly failed: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly shardsHeld: number[];
  readonly budget: string;
}

/** Seeds a fresh Azurite with the messages, then lets `instances` outbox workers deliver them all. */
async function runMode(instances: number): Promise<ModeFigures> {
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  const connector = await startLimitedConnectorChild(TEAMS_TENANT_RATE);
  try {
    const account = { kind: 'connection-string', connectionString: azurite.connectionString } as const;
    // Seeding is not measured: a generous time budget, so a busy machine cannot fail it.
    const tables = new TableService(account, 'bench', { timeoutMs: 60_000 });
    await tables.ensureTables();
    const cases = new TableCaseStore(tables.client('cases'));
    const conversations = new TableConversationStore(tables.client('conversations'));

    // 500 people who talked to the bot (stored 1:1 references), 2,000 messages to them.
    const people = Array.from({ length: CONVERSATIONS }, (_, i) => ({ aadObjectId: randomUUID(), displayName: `Person ${i}` }));
    for (let start = 0; start < people.length; start += 50) {
      await Promise.all(
        people.slice(start, start + 50).map((p, k) =>
          conversations.saveUser(p.aadObjectId, {
            channelId: 'msteams',
            serviceUrl: connector.url,
            conversation: { id: `a:bench-${start + k}`, conversationType: 'personal', tenantId: TENANT },
            bot: { id: '28:bench-bot' },
            user: { id: `29:${p.aadObjectId}`, aadObjectId: p.aadObjectId },
          }),
        ),
      );
    }
    const at = new Date().toISOString();
    for (let start = 0; start < MESSAGES; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, MESSAGES - start) }, async (_, k) => {
          const i = start + k;
          const person = people[i % CONVERSATIONS]!;
          const request = requestOf(i, person, at);
          const dm = message(
            request,
            'requester-update',
            { kind: 'user', ...person },
            { card: 'requester-update', data: { update: `bench-msg-${i}`, holder: 'bench' } },
          );
          await cases.create(request, [], [dm]);
        }),
      );
    }

    // Each instance as production builds it (start-notifications.ts): its own storage clients, adapter,
    // sender, limiter at the configured ceiling and owner name; all of them on the same tables.
    const allowances: TenantAllowance[] = [];
    const workers = Array.from({ length: instances }, (_, n) => {
      const own = new TableService(account, 'bench', { timeoutMs: 10_000 });
      const sender = new TeamsMessageSender(
        new TeamsAdapter({}),
        new TableConversationStore(own.client('conversations')),
        new TableEndpointStore(own.client('conversations')),
        {
          botAppId: '',
          tenantId: TENANT,
        },
      );
      const allowance = SHARED
        ? new TenantAllowance(new TableTenantBudget(own.client('leases'), CEILING), {
            tenant: 'tenant',
            batch: BATCH,
            lateMs: LATE_MS,
          })
        : undefined;
      if (allowance) allowances.push(allowance);
      return new OutboxWorker(
        {
          store: new TableOutboxStore(own.client('cases')),
          leases: new TableLeaseStore(own.client('leases')),
          sender,
          limiter: new TeamsRateLimiter({
            tenantPerSecond: SHARED ? 'shared' : CEILING,
            marginMs: MARGIN_MS,
            tenantMarginMs: TENANT_MARGIN_MS,
          }),
          ...(allowance ? { tenantAllowance: allowance } : {}),
          clock: systemClock,
        },
        {
          owner: `bench-${n}`,
          // Every instance may lease every shard, as in production, but the first to start would take
          // them all and the others would have nothing to send: by default each is given a third of
          // them (`--all-shards` leaves them all to everyone), so all three share the tenant's budget.
          shards: Array.from({ length: SHARD_COUNT }, (_, i) => i).filter((i) => ALL_SHARDS || i % instances === n),
          maxLimiterWaitMs: 2_000,
          batchSize: 500,
          concurrency: 32,
        },
      );
    });
    const store = new TableOutboxStore(tables.client('cases'));
    const pendingCount = async () => (await Promise.all(Array.from({ length: SHARD_COUNT }, (_, s) => store.pending(s)))).flat().length;

    const started = Date.now();
    let done = false;
    let retried = 0;
    let failed = 0;
    const shardsHeld = workers.map(() => 0);
    workers.forEach((w) => w.leases.start()); // as in production: renewed on a timer, whatever a run takes
    const loops = workers.map(async (worker, n) => {
      while (!done) {
        const run = await worker.runOnce();
        retried += run.retried;
        failed += run.failed;
        shardsHeld[n] = Math.max(shardsHeld[n]!, run.shards);
        if (run.delivered + run.retried + run.failed === 0)
          await new Promise((r) => setTimeout(r, Math.max(20, Math.min(run.nextRunInMs, 500))));
      }
    });
    while (!done) {
      await new Promise((r) => setTimeout(r, 250));
      if ((await pendingCount()) === 0) done = true;
      else if (Date.now() - started > 30 * 60_000) throw new Error('benchmark did not finish in 30 minutes');
    }
    const elapsed = (Date.now() - started) / 1000;
    await Promise.all(loops);
    await Promise.all(workers.map((w) => w.leases.releaseAll()));

    const { accepted, throttled, arrivals, acceptedAt } = await connector.stats();
    const lost = Array.from({ length: MESSAGES }, (_, i) => String(i)).filter((id) => accepted[id] === undefined).length;
    const duplicated = Object.values(accepted).reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    return {
      instances,
      elapsed,
      rate: MESSAGES / elapsed,
      peak: peakInWindow(arrivals, 1000),
      peakCalendar: peakInSecond(arrivals),
      pace: paceOf(acceptedAt),
      throttled,
      retried,
      failed,
      lost,
      duplicated,
      shardsHeld,
      budget: allowances
        .map(
          (a) =>
            `${a.counts.claims} claims, ${a.counts.granted} instants granted, ${a.counts.dropped} run out unused, ${a.counts.refused} claims refused (schedule a second ahead)`,
        )
        .join('; '),
    };
  } finally {
    await connector.stop();
    await azurite.stop();
  }
}

async function main(): Promise<void> {
  const results = new Results('notifications');
  results.note(
    `notifications: ${MESSAGES.toLocaleString('en')} messages to ${CONVERSATIONS} conversations; configured ceiling ${CEILING} / s per tenant ` +
      `(limiter margin ${MARGIN_MS} ms per conversation, ${TENANT_MARGIN_MS} ms per tenant; ${SHARED ? `the tenant's calls scheduled ${(1000 / CEILING).toFixed(1)} ms apart through Table Storage, claims of up to ${BATCH} instants, a call at most ${LATE_MS} ms after its instant` : 'each instance limits itself alone'}); the connector enforces Teams' ${TEAMS_TENANT_RATE} / s per tenant and 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h per conversation; on ${machineLine()}`,
  );
  for (const instances of MODES) {
    const f = await runMode(instances);
    const label = instances === 1 ? 'one instance' : `${instances} instances, one tenant`;
    results.note('');
    results.note(`${label}: delivered in ${f.elapsed.toFixed(1)} s; shards held at most per instance: ${f.shardsHeld.join(', ')}`);
    if (f.budget) results.note(`${label}: shared budget per instance: ${f.budget}`);
    results.info(`${label}: achieved rate (messages / time from the workers' start to an empty outbox)`, f.rate, '/ s');
    results.info(`${label}: pace at the connector (first to last accepted call) / ceiling`, (100 * f.pace) / CEILING, '%');
    results.info(`${label}: busiest calendar second at the connector`, f.peakCalendar, '');
    results.info(`${label}: 429s received`, f.throttled, '');
    results.info(`${label}: retries scheduled`, f.retried, '');
    results.info(`${label}: failed for good`, f.failed, '');
    // What Teams counts: the calls arriving in any one-second span, 429s included (a 429 means one
    // more arrived than its limit allows). The schedule spaces them 1000 / ceiling ms apart.
    results.goal(`${label}: busiest one-second span at the connector (Teams' limit ${TEAMS_TENANT_RATE} / s)`, f.peak, '', {
      op: '<=',
      target: TEAMS_TENANT_RATE,
    });
    if (instances === 1) {
      results.goal(`${label}: achieved rate / configured ceiling`, (100 * f.rate) / CEILING, '%', { op: '>=', target: 97 });
    } else {
      results.goal(`${label}: achieved rate (sum) / ceiling`, (100 * f.rate) / CEILING, '%', { op: '>=', target: 95 });
    }
    results.goal(`${label}: lost`, f.lost, '', { op: '==', target: 0 });
    results.goal(`${label}: duplicated`, f.duplicated, '', { op: '==', target: 0 });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`notifications benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
