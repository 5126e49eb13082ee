/**
 * Notifications benchmark: 2,000 outbox messages to 500 conversations (4 each, spread over requests
 * in every shard), delivered by the real outbox worker and Teams sender through a local Bot Connector
 * that enforces Teams' limits (per conversation 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h; per tenant
 * N / s) and answers 429 when a call exceeds them. Storage is a fresh in-memory Azurite.
 *
 * Prints the achieved delivery rate as a share of the per-tenant limit, the 429s received, and the
 * lost and duplicated counts (checked against what the connector accepted).
 *
 *   npx tsx scripts/bench/notifications.ts [--messages 2000] [--conversations 500] [--rate 30]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { SupportRequest } from '../../src/domain/intake/support-request';
import { referenceFor } from '../../src/domain/intake/support-request';
import { verbatim } from '../../src/domain/text';
import { TEAMS_CONVERSATION_WINDOWS, TeamsRateLimiter, type RateWindow } from '../../src/domain/delivery/rate-limiter';
import { message } from '../../src/services/notifications/route-messages';
import { OutboxWorker } from '../../src/services/outbox/outbox-worker';
import { systemClock } from '../../src/domain/ports/clock';
import { SHARD_COUNT } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { TableEndpointStore } from '../../src/storage/conversations/table-endpoint-store';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableService } from '../../src/storage/table-service';
import { TeamsMessageSender } from '../../src/teams/proactive/teams-message-sender';
import { startAzurite } from '../lib/azurite';
import { findFreePort } from '../lib/ports';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const MESSAGES = arg('messages', 2000);
const CONVERSATIONS = arg('conversations', 500);
const TENANT_RATE = arg('rate', 30);
/** The limiter's safety margin on every window (ms), as the bot runs it (start-notifications.ts). */
const MARGIN_MS = arg('margin', 100);
const TENANT = '8d2b7c1e-4f3a-4e2b-9c6d-1a2b3c4d5e6f';

/** Counts calls in sliding windows, the way the service would: at arrival. An independent check of the limiter. */
class EnforcedWindows {
  private readonly calls = new Map<string, number[]>();
  constructor(private readonly windows: readonly RateWindow[]) {}

  /** Admits the call (true) or refuses it (false, and it does not count). */
  admit(key: string, now: number): boolean {
    const log = this.calls.get(key) ?? [];
    for (const w of this.windows) {
      let inWindow = 0;
      for (let i = log.length - 1; i >= 0 && log[i] > now - w.windowMs; i--) inWindow++;
      if (inWindow >= w.limit) return false;
    }
    log.push(now);
    const longest = Math.max(...this.windows.map((w) => w.windowMs));
    while (log.length > 0 && log[0] <= now - longest) log.shift();
    this.calls.set(key, log);
    return true;
  }
}

interface ConnectorStats {
  accepted: Map<string, number>;
  throttled: number;
  firstAt: number;
  lastAt: number;
}

/** A Bot Connector stand-in enforcing Teams' limits. */
async function startLimitedConnector(): Promise<{ url: string; stats: ConnectorStats; stop(): Promise<void> }> {
  const perConversation = new EnforcedWindows(TEAMS_CONVERSATION_WINDOWS);
  const perTenant = new EnforcedWindows([{ limit: TENANT_RATE, windowMs: 1000 }]);
  const stats: ConnectorStats = { accepted: new Map(), throttled: 0, firstAt: 0, lastAt: 0 };
  let nextId = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      const path = req.url ?? '';
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path);
      if (req.method !== 'POST' || !m) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const conversation = decodeURIComponent(m[1]);
      // Tenant first, then the conversation: a refused call counts against neither.
      const ok = perTenant.admit('tenant', now) && perConversation.admit(conversation, now);
      if (!ok) {
        stats.throttled++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ error: { code: 'Throttled' } }));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const id = /bench-msg-(\d+)/.exec(body)?.[1] ?? 'unknown';
      stats.accepted.set(id, (stats.accepted.get(id) ?? 0) + 1);
      if (stats.firstAt === 0) stats.firstAt = now;
      stats.lastAt = now;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `act-${nextId++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, stats, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

function requestOf(i: number, requester: { aadObjectId: string; displayName: string }, at: string): SupportRequest {
  const id = randomUUID();
  return {
    id,
    reference: referenceFor(id),
    requester,
    category: 'solution-problem',
    notInCatalog: false,
    details: { title: `Bench ${i}`, description: 'benchmark', since: '', impact: 'me', urgency: 'workaround' },
    severity: 'C',
    routeKind: 'maker',
    routeReason: 'productivity-problem',
    handToDedicatedTeam: false,
    holder: { kind: 'help-desk' },
    explanation: verbatim(''),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}

async function main(): Promise<void> {
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  const connector = await startLimitedConnector();
  try {
    const tables = new TableService({ kind: 'connection-string', connectionString: azurite.connectionString }, 'bench');
    await tables.ensureTables();
    const cases = new TableCaseStore(tables.client('cases'));
    const conversations = new TableConversationStore(tables.client('conversations'));
    const endpoints = new TableEndpointStore(tables.client('conversations'));

    // 500 people who talked to the bot (stored 1:1 references), 2,000 messages to them.
    const people = Array.from({ length: CONVERSATIONS }, (_, i) => ({ aadObjectId: randomUUID(), displayName: `Person ${i}` }));
    await Promise.all(
      people.map((p, i) =>
        conversations.saveUser(p.aadObjectId, {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: `a:bench-${i}`, conversationType: 'personal', tenantId: TENANT },
          bot: { id: '28:bench-bot' },
          user: { id: `29:${p.aadObjectId}`, aadObjectId: p.aadObjectId },
        }),
      ),
    );
    const at = new Date().toISOString();
    const seeded = Date.now();
    for (let start = 0; start < MESSAGES; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, MESSAGES - start) }, async (_, k) => {
          const i = start + k;
          const person = people[i % CONVERSATIONS];
          const request = requestOf(i, person, at);
          const dm = message(request, 'requester-update', { kind: 'user', ...person }, { card: 'requester-update', data: { update: `bench-msg-${i}`, holder: 'bench' } });
          await cases.create(request, [], [dm]);
        }),
      );
    }
    process.stdout.write(`seeded ${MESSAGES} messages to ${CONVERSATIONS} conversations in ${((Date.now() - seeded) / 1000).toFixed(1)} s\n`);

    const adapter = new TeamsAdapter({});
    const sender = new TeamsMessageSender(adapter, conversations, endpoints, { botAppId: '', tenantId: TENANT });
    const store = new TableOutboxStore(tables.client('cases'));
    const worker = new OutboxWorker(
      {
        store,
        leases: new TableLeaseStore(tables.client('leases')),
        sender,
        limiter: new TeamsRateLimiter({ tenantPerSecond: TENANT_RATE, marginMs: MARGIN_MS }),
        clock: systemClock,
      },
      { owner: 'bench', shards: Array.from({ length: SHARD_COUNT }, (_, i) => i), maxLimiterWaitMs: 2_000, batchSize: 500, concurrency: 32 },
    );

    worker.leases.start(); // as in production: renewed on a timer, whatever a run takes
    const started = Date.now();
    let retried = 0;
    let failed = 0;
    for (;;) {
      const run = await worker.runOnce();
      retried += run.retried;
      failed += run.failed;
      const pending = (await Promise.all(Array.from({ length: SHARD_COUNT }, (_, s) => store.pending(s)))).flat().length;
      if (pending === 0) break;
      if (Date.now() - started > 30 * 60_000) throw new Error('benchmark did not finish in 30 minutes');
      if (run.delivered + run.retried + run.failed === 0) await new Promise((r) => setTimeout(r, Math.max(20, Math.min(run.nextRunInMs, 1_000))));
    }
    const elapsed = (Date.now() - started) / 1000;
    await worker.leases.releaseAll();

    const { accepted, throttled, firstAt, lastAt } = connector.stats;
    const lost = Array.from({ length: MESSAGES }, (_, i) => String(i)).filter((id) => !accepted.has(id)).length;
    const duplicated = [...accepted.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const deliveredWindow = Math.max(0.001, (lastAt - firstAt) / 1000);
    const rate = MESSAGES / elapsed;
    const sendRate = (accepted.size - 1) / deliveredWindow;
    const lines = [
      `messages            ${MESSAGES} to ${CONVERSATIONS} conversations`,
      `per-tenant limit    ${TENANT_RATE} / s (per conversation: 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h)`,
      `elapsed             ${elapsed.toFixed(1)} s (worker start to outbox empty)`,
      `achieved rate       ${rate.toFixed(1)} / s = ${((100 * rate) / TENANT_RATE).toFixed(1)} % of the limit`,
      `  first→last post   ${sendRate.toFixed(1)} / s = ${((100 * sendRate) / TENANT_RATE).toFixed(1)} % of the limit`,
      `429s received       ${throttled}`,
      `retries scheduled   ${retried}`,
      `failed for good     ${failed}`,
      `lost                ${lost}`,
      `duplicated          ${duplicated}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (lost > 0 || duplicated > 0) process.exitCode = 1;
  } finally {
    await connector.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`notifications benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
