/**
 * Benchmark: how fast the bot answers the questionnaire's card actions (Teams shows an error when an
 * invoke takes more than a few seconds; we aim well under one).
 *
 * Runs the real composition (`startBot`) on Azurite with the demo catalog, a local stand-in for the
 * Bot Connector that answers at once, and simulated requesters who each walk a whole intake:
 * "new request", then the need, a catalog search, the solution, the details and Submit. Prints the
 * latency of each step (p50 / p95 / max) and the throughput with USERS requesters at a time.
 *
 *   npx tsx scripts/bench/card-actions.ts [--users 10] [--intakes 200]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { startBot } from '../../src/start-bot';
import { startAzurite } from '../lib/azurite';
import { findFreePort } from '../lib/ports';
import { loadDemoData } from '../load-demo-data';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const USERS = option('users', 10);
const INTAKES = option('intakes', 200);
const TENANT = '2ace6534-1e56-41e8-8c48-c14c4987943e';

type Step = 'message' | 'need' | 'search' | 'solution' | 'details' | 'submit';
const timings: Record<Step, number[]> = { message: [], need: [], search: [], solution: [], details: [], submit: [] };

async function main(): Promise<void> {
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  const connector = await startConnector();
  const env = { STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'bench', LOG_LEVEL: 'silent' };
  const silent = { write: () => true } as unknown as NodeJS.WriteStream;
  if ((await loadDemoData(env, { out: silent, err: process.stderr })) !== 0) throw new Error('could not load the demo catalog');
  const config = loadConfig({ ...env, PORT: String(await findFreePort()) });
  const bot = await startBot(config, createLogger('silent'), { notifications: { background: 'manual' } });

  try {
    // One warm-up intake: first requests pay for table creation and the search index build.
    await walkIntake(bot.url, connector.url, false);
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: USERS }, async () => {
        while (next < INTAKES) {
          next += 1;
          await walkIntake(bot.url, connector.url, true);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    report(seconds);
  } finally {
    await bot.close();
    connector.server.close();
    await azurite.stop();
  }
}

async function walkIntake(botUrl: string, serviceUrl: string, record: boolean): Promise<void> {
  const user = { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: 'Bench Requester' };
  const base = {
    channelId: 'msteams',
    serviceUrl,
    from: user,
    recipient: { id: '28:bench-bot', name: 'Support Desk' },
    conversation: { id: `a:${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  const time = async (step: Step, activity: object): Promise<any> => {
    const t0 = process.hrtime.bigint();
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...base, id: randomUUID(), timestamp: new Date().toISOString(), ...activity }),
    });
    const body = await response.text();
    if (record) timings[step].push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (response.status !== 200) throw new Error(`${step} answered ${response.status}: ${body}`);
    return body ? JSON.parse(body) : undefined;
  };
  const press = (step: Step, verb: string, data: object) =>
    time(step, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'card',
      value: { action: { type: 'Action.Execute', verb, data } },
    });

  await time('message', { type: 'message', text: 'new request' });
  const intakeId = lastIntakeId.get(user.aadObjectId);
  if (!intakeId) throw new Error('the bot did not answer "new request" with a card');
  await press('need', 'intake.need', { intakeId, category: 'solution-problem' });
  const results = await press('search', 'intake.search', { intakeId, query: 'expnse' });
  const solutionId = JSON.stringify(results).match(/"value":"([^"]+)"/)?.[1];
  await press('solution', 'intake.solution', { intakeId, solutionId });
  await press('details', 'intake.details', {
    intakeId,
    title: 'Totals are wrong',
    description: 'The monthly total ignores the last row.',
    since: 'today',
    impact: 'me',
    urgency: 'workaround',
  });
  const confirmation = await press('submit', 'intake.submit', { intakeId });
  if (!JSON.stringify(confirmation).includes('submitted')) throw new Error('Submit did not confirm');
}

/** The intake id of the last card the bot sent each requester (read from the connector's traffic). */
const lastIntakeId = new Map<string, string>();

async function startConnector(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const conversation = /\/v3\/conversations\/a%3A([0-9a-f-]{36})\//.exec(req.url ?? '')?.[1];
      const intakeId = /"intakeId":"([0-9a-f-]{36})"/.exec(text)?.[1];
      if (conversation && intakeId) lastIntakeId.set(conversation, intakeId);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(seconds: number): void {
  const rows = (Object.keys(timings) as Step[]).map((step) => {
    const sorted = [...timings[step]].sort((a, b) => a - b);
    return `| ${step.padEnd(8)} | ${String(sorted.length).padStart(5)} | ${percentile(sorted, 50).toFixed(1).padStart(7)} | ${percentile(sorted, 95).toFixed(1).padStart(7)} | ${(sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(7)} |`;
  });
  const requests = Object.values(timings).reduce((n, list) => n + list.length, 0);
  process.stdout.write(
    [
      `card actions: ${INTAKES} intakes by ${USERS} requesters at a time, Azurite, demo catalog`,
      '| step     | count | p50 ms  | p95 ms  | max ms  |',
      '| -------- | ----- | ------- | ------- | ------- |',
      ...rows,
      `${requests} requests in ${seconds.toFixed(1)} s: ${(requests / seconds).toFixed(0)} requests/s, ${(INTAKES / seconds).toFixed(1)} intakes/s`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
