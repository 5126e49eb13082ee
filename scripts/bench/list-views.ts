/**
 * The help desk's list views (issue 19) at 1,000 and 100,000 tickets, most of them closed and a few
 * thousand open (3 %), on Azurite. For each view ("open", "unassigned", "mine", and "open" with a
 * severity filter): the latency of a page (p95 over repeated first, second and third pages, each next
 * page from the position the previous one gave, as the card asks), and, in a separate pass through a
 * counting proxy, the queries and entities one page reads.
 *
 * The views read the TicketLists table only (open tickets' index rows, one partition per view).
 * Azurite scans a whole table for every query, so its latency still grows with the number of open
 * tickets in a way Azure Table Storage's does not; the number of queries and entities a page reads is
 * the product's own doing and is the same on Azure. Seeding uses the product's row functions in batched transactions
 * (lib/ticket-seed.ts) and prints its rate as the table grows; if Azurite cannot reach the largest
 * size within --seed-minutes, the views are measured at the size reached, and the output says so.
 *
 * Goals: at 100,000 tickets p95 ≤ 150 ms and ≤ 2 × the 1,000 figure; one query (one index
 * partition) and ≤ page size + 1 entities per page.
 *
 *   npm run bench -- list-views [--tickets 1000,100000] [--open-share 0.03] [--pages 60] [--seed-minutes 10] [--with-closed-cases]
 */
import type { TicketListView, TicketPage } from '../../src/domain/tickets/ticket-lists';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TableService } from '../../src/storage/table-service';
import { azuriteConnectionString, startAzurite } from '../lib/azurite';
import { findFreePort } from '../lib/ports';
import { numberArg } from './lib/args';
import { startCountingProxy } from './lib/counting-proxy';
import { Results } from './lib/goals';
import { machineLine } from './lib/machine';
import { percentile } from './lib/stats';
import { AGENTS, TicketSeeder } from './lib/ticket-seed';

/** The page size of the help desk's list cards (src/teams/tickets/ticket-views.ts). */
const PAGE_SIZE = 10;
const SIZES = (process.argv.includes('--tickets') ? process.argv[process.argv.indexOf('--tickets') + 1]! : '1000,100000')
  .split(',')
  .map(Number);
const OPEN_SHARE = numberArg('open-share', 0.03);
const PAGES = numberArg('pages', 60);
const SEED_MINUTES = numberArg('seed-minutes', 10);
/**
 * Whether closed tickets also get their rows in the Cases table. Off by default: a list view reads only
 * the TicketLists table, where closed tickets have no rows, so they cannot change what it reads (on
 * Azure, nor on Azurite, which keeps each table in a collection of its own); and Azurite's inserts scan
 * the partition they write to, so 100,000 tickets' 400,000 rows in 16 shards take most of an hour.
 */
const WITH_CLOSED_CASES = process.argv.includes('--with-closed-cases');
/** Tickets added per seeding step (the rate is printed per step). */
const STEP = 10_000;

const VIEWS: readonly { readonly label: string; readonly view: TicketListView }[] = [
  { label: 'open', view: { kind: 'open' } },
  { label: 'unassigned', view: { kind: 'unassigned' } },
  { label: 'mine', view: { kind: 'mine', aadObjectId: AGENTS[1]!.aadObjectId } },
  { label: 'open, Sev B', view: { kind: 'open', severity: 'B' } },
];

/** One page of a view, as the help desk's list card asks for it: the first, or the next after `after`. */
type ListPage = (view: TicketListView, offset: number, after?: string) => Promise<TicketPage>;

function pageLister(connectionString: string): ListPage {
  const tables = new TableService({ kind: 'connection-string', connectionString }, 'bench', { timeoutMs: 120_000 });
  const store = TableTicketStore.on(tables);
  return (view, offset, after) => store.list(view, offset, PAGE_SIZE, after);
}

interface ViewFigures {
  readonly p50: number;
  readonly p95: number;
  readonly queries: number;
  readonly entities: number;
}

async function measureViews(
  connectionString: string,
  proxyConnectionString: string,
  proxy: Awaited<ReturnType<typeof startCountingProxy>>,
): Promise<Map<string, ViewFigures>> {
  const list = pageLister(connectionString);
  const counted = pageLister(proxyConnectionString);
  const figures = new Map<string, ViewFigures>();
  for (const { label, view } of VIEWS) {
    // Reads per page: the first and the second page, through the proxy; the larger counts.
    // As the card pages: the first page, then "Next" with the position the previous page gave.
    let queries = 0;
    let entities = 0;
    let after: string | undefined;
    for (const offset of [0, PAGE_SIZE, 2 * PAGE_SIZE]) {
      proxy.reset();
      after = (await counted(view, offset, after)).next;
      queries = Math.max(queries, proxy.counts.queries);
      entities = Math.max(entities, proxy.counts.entities);
      if (after === undefined) break;
    }
    await list(view, 0); // warm-up
    const times: number[] = [];
    after = undefined;
    for (let i = 0; i < PAGES; i++) {
      const first = i % 3 === 0 || after === undefined;
      const started = process.hrtime.bigint();
      const page = await list(view, first ? 0 : (i % 3) * PAGE_SIZE, first ? undefined : after);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      after = page.next;
    }
    figures.set(label, { p50: percentile(times, 50), p95: percentile(times, 95), queries, entities });
  }
  return figures;
}

async function main(): Promise<void> {
  const results = new Results('list-views');
  results.note(
    `list views: ${SIZES.map((s) => s.toLocaleString('en')).join(' and ')} tickets, ${(OPEN_SHARE * 100).toFixed(0)} % open, pages of ${PAGE_SIZE}, ${PAGES} pages per view, on ${machineLine()}`,
  );
  const azurite = await startAzurite({ port: await findFreePort(), output: { kind: 'silent' } });
  const proxy = await startCountingProxy(azurite.port);
  try {
    const tables = new TableService({ kind: 'connection-string', connectionString: azurite.connectionString }, 'bench', {
      timeoutMs: 120_000,
    });
    await tables.ensureTables();
    const seeder = new TicketSeeder(
      tables.client('cases') as never,
      tables.client('ticketLists') as never,
      OPEN_SHARE,
      WITH_CLOSED_CASES ? 'all' : 'open',
    );
    const deadline = Date.now() + SEED_MINUTES * 60_000;
    const measured: { target: number; size: number; views: Map<string, ViewFigures> }[] = [];
    const seedStarted = Date.now();
    for (const target of SIZES) {
      while (seeder.tickets < target && Date.now() < deadline) {
        const step = Math.min(STEP, target - seeder.tickets);
        const started = Date.now();
        await seeder.add(step);
        const seconds = (Date.now() - started) / 1000;
        results.note(
          `  seeded ${seeder.tickets.toLocaleString('en')} tickets (${seeder.rows.toLocaleString('en')} rows): last ${step.toLocaleString('en')} in ${seconds.toFixed(1)} s = ${(step / seconds).toFixed(0)} tickets/s, ${Math.round(((seeder.rows / seeder.tickets) * step) / seconds)} rows/s`,
        );
      }
      const views = await measureViews(azurite.connectionString, azuriteConnectionString(proxy.port), proxy);
      measured.push({ target, size: seeder.tickets, views });
      results.note(`  ${seeder.tickets.toLocaleString('en')} tickets:`);
      for (const [label, f] of views) {
        results.note(
          `    ${label.padEnd(14)} p50 ${f.p50.toFixed(0).padStart(6)} ms   p95 ${f.p95.toFixed(0).padStart(6)} ms   ${f.queries} queries, ${f.entities} entities per page`,
        );
      }
      if (seeder.tickets < target) {
        results.note(
          `  Azurite could not reach ${target.toLocaleString('en')} tickets within ${SEED_MINUTES} minutes of seeding: measured at ${seeder.tickets.toLocaleString('en')}`,
        );
        break;
      }
    }
    results.note('');
    results.info('seeding: tickets written', seeder.tickets, '');
    results.info('seeding: minutes', (Date.now() - seedStarted) / 60_000 - 0, 'min');
    const small = measured[0]!;
    const large = measured[measured.length - 1]!;
    const at = large.size.toLocaleString('en');
    for (const { label } of VIEWS) {
      const s = small.views.get(label)!;
      const l = large.views.get(label)!;
      results.info(`${label}: p95 at ${small.size.toLocaleString('en')}`, s.p95, 'ms');
      if (measured.length > 1) {
        results.goal(`${label}: p95 at ${at}`, l.p95, 'ms', { op: '<=', target: 150 });
        results.goal(`${label}: p95 at ${at} / p95 at ${small.size.toLocaleString('en')}`, l.p95 / s.p95, '×', { op: '<=', target: 2 });
      }
      results.goal(`${label}: queries per page at ${at}`, l.queries, '', { op: '<=', target: 1 });
      results.goal(`${label}: entities read per page at ${at}`, l.entities, '', { op: '<=', target: PAGE_SIZE + 1 });
    }
    if (large.size < large.target)
      results.goal(`tickets seeded (of ${large.target.toLocaleString('en')})`, large.size, '', { op: '>=', target: large.target });
  } finally {
    await proxy.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`list-views benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
