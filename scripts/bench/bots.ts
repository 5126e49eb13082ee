/**
 * The bot against its floor (issue 19): how much of what the stack can serve the product serves.
 *
 * In one run, on one Azurite, one after the other (never at the same time): the product (the real
 * composition, `startBot` in local mode with the demo catalog and its background jobs) and the floor
 * bot (lib/floor-bot.ts: the same stack answering one card, nothing else), each in a process of its
 * own, driven by USERS simulated people over loopback HTTP with keep-alive (lib/load-driver.ts) and
 * answered by a connector stand-in that costs nothing. Three kinds of traffic:
 * - "new request" messages, each person repeating it (their drafts pile up as with repeated use);
 * - card actions: choosing the need on the first questionnaire card, again and again;
 * - a new person on every request ("new request" from someone never seen).
 * Rounds alternate the order (floor first, then product first) so drift in the machine's load
 * affects both alike. Table calls are counted inside each bot process (lib/table-calls.ts).
 *
 * Goals: card actions ≥ 80 % of the floor's requests per second, messages ≥ 70 %, card-action p99
 * ≤ 250 ms.
 *
 *   npm run bench -- bots [--users 32] [--per-user 40] [--rounds 4] [--only message,action]
 *
 * `--only` runs some kinds of traffic (message, action, new-user): quicker while working on one; the
 * goals of the kinds left out are not reported.
 */
import { startAzurite } from '../lib/azurite';
import { AZURITE_ACCOUNT } from '../lib/azurite';
import { findFreePort } from '../lib/ports';
import { loadDemoData } from '../load-demo-data';
import { cardActionActivity, messageActivity, newPerson, type Person } from './lib/activities';
import { numberArg } from './lib/args';
import { BotChild } from './lib/bot-child';
import { startFastConnector, type FastConnector } from './lib/connector';
import { Results } from './lib/goals';
import { drive, type LoadResult } from './lib/load-driver';
import { machineLine } from './lib/machine';
import { percentile } from './lib/stats';
import type { TableCallCounts } from './lib/table-calls';

const USERS = numberArg('users', 32);
const PER_USER = numberArg('per-user', 40);
const ROUNDS = numberArg('rounds', 4);

type BotKind = 'floor' | 'product';
type Activity = (user: number, i: number) => object;

interface Scenario {
  readonly key: 'message' | 'action' | 'new-user';
  readonly label: string;
  /** Sets up a round for `bot` (its people, their drafts) and returns what each user sends. */
  prepare(bot: BotChild, connector: FastConnector): Promise<Activity>;
}

const people = (): Person[] => Array.from({ length: USERS }, (_, i) => newPerson(i));

const SCENARIOS: readonly Scenario[] = [
  {
    key: 'message',
    label: '"new request" message',
    async prepare(_bot, connector) {
      const round = people();
      return (user) => messageActivity(round[user]!, connector.url, 'new request');
    },
  },
  {
    key: 'action',
    label: 'card action (choosing the need)',
    async prepare(bot, connector) {
      // Each person starts a questionnaire once (not timed); then presses the need card's button.
      const round = people();
      await drive({
        url: bot.url,
        users: USERS,
        perUser: 1,
        activity: (user) => messageActivity(round[user]!, connector.url, 'new request'),
      });
      const intakeIds = round.map((p) => connector.intakeIdOf(p.aadObjectId));
      if (intakeIds.some((id) => id === undefined)) throw new Error(`the ${bot.kind} bot did not answer "new request" with a card`);
      return (user) =>
        cardActionActivity(round[user]!, connector.url, 'intake.need', { intakeId: intakeIds[user], category: 'solution-problem' });
    },
  },
  {
    key: 'new-user',
    label: 'a new person on every request',
    async prepare(_bot, connector) {
      let n = 0;
      return () => messageActivity(newPerson(n++), connector.url, 'new request');
    },
  },
];

const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set((process.argv[i + 1] ?? '').split(',')) : undefined;
})();
const RUN: readonly Scenario[] = SCENARIOS.filter((s) => ONLY === undefined || ONLY.has(s.key));

interface Measured {
  readonly rounds: LoadResult[];
  readonly calls: TableCallCounts[];
}

async function main(): Promise<void> {
  const results = new Results('bots');
  results.note(
    `bots: the product against the floor bot, ${USERS} users, ${ROUNDS} rounds of ${(USERS * PER_USER).toLocaleString('en')} requests per bot and kind, on ${machineLine()}`,
  );
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  const connector = await startFastConnector();
  const bots: Partial<Record<BotKind, BotChild>> = {};
  try {
    const storage = azurite.connectionString;
    const silent = { write: () => true } as unknown as NodeJS.WriteStream;
    if (
      (await loadDemoData(
        { STORAGE_CONNECTION_STRING: storage, TABLE_PREFIX: 'prod', LOG_LEVEL: 'silent' },
        { out: silent, err: process.stderr },
      )) !== 0
    ) {
      throw new Error('could not load the demo catalog');
    }
    bots.product = await BotChild.start('product', { storage, prefix: 'prod', account: AZURITE_ACCOUNT });
    bots.floor = await BotChild.start('floor', { storage, prefix: 'floor', account: AZURITE_ACCOUNT });
    const background = await backgroundCalls(bots.product);

    const measured = new Map<string, Measured>();
    for (const scenario of RUN) {
      for (const kind of ['floor', 'product'] as const) {
        // Warm-up (JIT, connections, first table creation): a short round, not recorded.
        const bot = bots[kind]!;
        await drive({ url: bot.url, users: USERS, perUser: 5, activity: await scenario.prepare(bot, connector) });
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order: BotKind[] = round % 2 === 0 ? ['floor', 'product'] : ['product', 'floor'];
        for (const kind of order) {
          const bot = bots[kind]!;
          const activity = await scenario.prepare(bot, connector);
          await bot.resetCounts();
          const result = await drive({ url: bot.url, users: USERS, perUser: PER_USER, activity });
          const { calls } = await bot.counts();
          const entry = measured.get(`${scenario.key}/${kind}`) ?? { rounds: [], calls: [] };
          entry.rounds.push(result);
          entry.calls.push(calls);
          measured.set(`${scenario.key}/${kind}`, entry);
          if (Object.keys(result.failures).length > 0)
            throw new Error(`${kind} answered ${JSON.stringify(result.failures)} to ${scenario.label}`);
        }
      }
    }
    report(results, measured, background);
  } finally {
    await Promise.all(Object.values(bots).map((bot) => bot.stop()));
    await connector.stop();
    await azurite.stop();
  }
}

/** Table calls per second the product makes with no traffic at all (outbox polls, leases, sweeps). */
async function backgroundCalls(bot: BotChild): Promise<number> {
  await bot.resetCounts();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  return (await bot.counts()).calls.total / 5;
}

interface Summary {
  readonly requestsPerSecond: number;
  readonly perRound: number[];
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly callsPerRequest: number;
  readonly byKind: Record<string, number>;
}

function summarize(m: Measured, backgroundPerSecond: number): Summary {
  const requests = m.rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = m.rounds.reduce((n, r) => n + r.seconds, 0);
  const latencies = m.rounds.flatMap((r) => r.latencies);
  const calls = m.calls.reduce((n, c) => n + c.total, 0);
  const byKind: Record<string, number> = {};
  for (const c of m.calls) for (const [kind, n] of Object.entries(c.byKind)) byKind[kind] = (byKind[kind] ?? 0) + n;
  return {
    requestsPerSecond: requests / seconds,
    perRound: m.rounds.map((r) => r.requestsPerSecond),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    callsPerRequest: Math.max(0, calls - backgroundPerSecond * seconds) / requests,
    byKind: Object.fromEntries(Object.entries(byKind).map(([kind, n]) => [kind, n / requests])),
  };
}

function report(results: Results, measured: Map<string, Measured>, backgroundPerSecond: number): void {
  const rows: string[] = [];
  const summaries = new Map<string, Summary>();
  for (const scenario of RUN) {
    for (const kind of ['floor', 'product'] as const) {
      const s = summarize(measured.get(`${scenario.key}/${kind}`)!, kind === 'product' ? backgroundPerSecond : 0);
      summaries.set(`${scenario.key}/${kind}`, s);
      rows.push(
        `  ${(kind === 'floor' ? scenario.label : '').padEnd(34)}${kind.padEnd(9)}${s.requestsPerSecond.toFixed(0).padStart(7)}  ${s.perRound
          .map((r) => r.toFixed(0))
          .join('/')
          .padEnd(11)}${fmt(s.p50)}${fmt(s.p95)}${fmt(s.p99)}${s.callsPerRequest.toFixed(2).padStart(9)}`,
      );
    }
  }
  results.note('');
  results.note(
    `  ${'traffic'.padEnd(34)}${'bot'.padEnd(9)}${'req/s'.padStart(7)}  ${'(rounds)'.padEnd(11)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'tables'.padStart(9)}`,
  );
  for (const row of rows) results.note(row);
  results.note(`  (tables: table calls per request, less the product's ${backgroundPerSecond.toFixed(1)} background calls per second)`);
  results.note('');
  results.note('  table calls per request, by kind (method, table, shape, answer):');
  for (const scenario of RUN) {
    for (const kind of ['floor', 'product'] as const) {
      const s = summaries.get(`${scenario.key}/${kind}`)!;
      const kinds = Object.entries(s.byKind)
        .filter(([, n]) => n >= 0.05)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ×${n.toFixed(2)}`);
      results.note(`    ${scenario.label}, ${kind}: ${kinds.join(', ') || 'none'}`);
    }
  }
  results.note('');
  const ran = (key: Scenario['key']) => RUN.some((s) => s.key === key);
  const ratio = (key: Scenario['key']) =>
    (100 * summaries.get(`${key}/product`)!.requestsPerSecond) / summaries.get(`${key}/floor`)!.requestsPerSecond;
  if (ran('action')) {
    results.goal('card action: product req/s as a share of the floor', ratio('action'), '%', { op: '>=', target: 80 });
  }
  if (ran('message')) {
    results.goal('"new request" message: product req/s as a share of the floor', ratio('message'), '%', { op: '>=', target: 70 });
  }
  if (ran('action')) results.goal('card action p99, product', summaries.get('action/product')!.p99, 'ms', { op: '<=', target: 250 });
  if (ran('new-user')) results.info('new person every request: product req/s as a share of the floor', ratio('new-user'), '%');
  for (const scenario of RUN) {
    results.info(
      `table calls per ${scenario.key === 'action' ? 'card action' : scenario.key === 'message' ? '"new request"' : "new person's request"}, product`,
      summaries.get(`${scenario.key}/product`)!.callsPerRequest,
      '',
    );
    results.info(
      `table calls per ${scenario.key === 'action' ? 'card action' : scenario.key === 'message' ? '"new request"' : "new person's request"}, floor`,
      summaries.get(`${scenario.key}/floor`)!.callsPerRequest,
      '',
    );
  }
}

function fmt(ms: number): string {
  return ms.toFixed(0).padStart(8);
}

main().catch((error: unknown) => {
  process.stderr.write(`bots benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
