/**
 * What the fuzz test checks about each answer, and the storage snapshot of the objects it must not
 * be able to change. The invoke shapes are Teams' documented ones, written here independently of
 * src/teams/invoke-answers.ts so the test does not grade the bot with its own table.
 */
import http from 'node:http';
import { odata } from '@azure/data-tables';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import type { TableService } from '../../src/storage/table-service';
import { escapeMarkdown } from '../../src/teams/plain-text';
import { CANARIES } from './fuzz-mutations';

const MESSAGE = 'application/vnd.microsoft.activity.message';
const CARD = 'application/vnd.microsoft.card.adaptive';
const SEARCH = 'application/vnd.microsoft.search.searchResponse';
const DIALOG_INVOKES = new Set(['task/fetch', 'task/submit', 'composeExtension/fetchTask', 'composeExtension/submitAction']);
const MESSAGE_EXTENSION_INVOKES = new Set([
  'composeExtension/query',
  'composeExtension/queryLink',
  'composeExtension/anonymousQueryLink',
  'composeExtension/selectItem',
  'composeExtension/querySettingUrl',
  'composeExtension/setting',
  'composeExtension/onCardButtonClicked',
]);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const words = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

/**
 * Why `body` is not an invoke response Teams can show for an invoke named `name`, or undefined.
 * Card actions (and names Teams has no shape for) get a Universal Actions response with a message or
 * a card; dialogs a task module response; message extensions a compose extension result; a dynamic
 * search a search response.
 */
export function invokeResponseProblem(name: unknown, body: unknown): string | undefined {
  if (!isObject(body)) return `no invoke response body (${JSON.stringify(body)})`;
  if (typeof name === 'string' && DIALOG_INVOKES.has(name)) {
    const task = body.task;
    if (!isObject(task)) return 'a dialog invoke needs "task"';
    if (task.type === 'message') return words(task.value) ? undefined : 'a dialog message needs words';
    if (task.type === 'continue') return isObject(task.value) ? undefined : 'a dialog continue needs a value';
    return `unknown task type ${JSON.stringify(task.type)}`;
  }
  if (typeof name === 'string' && MESSAGE_EXTENSION_INVOKES.has(name)) {
    const result = body.composeExtension;
    if (!isObject(result)) return 'a message extension invoke needs "composeExtension"';
    if (result.type === 'message') return words(result.text) ? undefined : 'a message extension message needs text';
    if (result.type === 'result') return Array.isArray(result.attachments) ? undefined : 'a message extension result needs attachments';
    return `unknown composeExtension type ${JSON.stringify(result.type)}`;
  }
  if (name === 'application/search') {
    return body.statusCode === 200 && body.type === SEARCH && isObject(body.value) && Array.isArray(body.value.results)
      ? undefined
      : 'not a search response';
  }
  if (body.statusCode !== 200) return `statusCode ${JSON.stringify(body.statusCode)}`;
  if (body.type === MESSAGE) return words(body.value) ? undefined : 'a message response without words';
  if (body.type === CARD) return isObject(body.value) && body.value.type === 'AdaptiveCard' ? undefined : 'a card response without a card';
  return `unknown response type ${JSON.stringify(body.type)}`;
}

/** The first template canary (an evaluated expression from user text) found in what the bot sent. */
export function canaryIn(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  for (const canary of CANARIES) {
    const match = canary.exec(text);
    if (match) return text.slice(Math.max(0, match.index - 120), match.index + match[0].length + 40);
  }
  return undefined;
}

/**
 * The review card shows the title exactly as typed (whitespace folded, Markdown escaped): an
 * expression in it (`${…}`, `{{…}}`) stays text. Compared when the answer is that card.
 */
export function titleEcho(posted: unknown, answer: unknown): { readonly compared: boolean; readonly problem?: string } {
  const title = (posted as { value?: { action?: { data?: { title?: unknown } } } } | undefined)?.value?.action?.data?.title;
  const card = (answer as { value?: { body?: unknown[] } } | undefined)?.value;
  if (typeof title !== 'string' || !/\$\{|\{\{/.test(title) || !Array.isArray(card?.body)) return { compared: false };
  const facts = card.body.flatMap((element) => (element as { facts?: { title: string; value: string }[] }).facts ?? []);
  const shown = facts.find((fact) => fact.title === 'Title')?.value;
  if (shown === undefined || !JSON.stringify(card).includes('Review your request')) return { compared: false };
  const expected = escapeMarkdown(title.replace(/\s+/g, ' ').trim());
  return shown === expected
    ? { compared: true }
    : { compared: true, problem: `title ${JSON.stringify(title)} shown as ${JSON.stringify(shown)}` };
}

export interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * Posts a body as given (headers untouched by fetch). The server may refuse an oversized body and
 * close before reading it: a failed write of the rest is expected, and the answer still arrives.
 */
export function postRaw(url: string, body: string, headers: Record<string, string>): Promise<RawAnswer> {
  const bytes = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/messages`,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(bytes.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    request.end(bytes);
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}

/** Row → ETag of everything stored about one person's objects: equal snapshots mean no change. */
export type Snapshot = Record<string, string>;

/**
 * The rows of `owner`'s drafts (their Intakes partition), requests and tickets (every row of the
 * request's shard that names it: the request or ticket, history, index, outbox and timer rows), their
 * submission log, their 1:1 conversation and endpoint, and the registered channels. Not the report
 * feed rows their changes wrote: those are consumed by the report aggregator whenever it runs.
 */
export async function snapshotOf(tables: TableService, owner: string, objectIds: readonly string[]): Promise<Snapshot> {
  const rows: Snapshot = {};
  const add = (table: string, row: { partitionKey?: string; rowKey?: string; etag: string }) =>
    (rows[`${table}/${row.partitionKey}/${row.rowKey}`] = row.etag);
  const names = (row: Record<string, unknown>, id: string) =>
    Object.values(row).some((v) => typeof v === 'string' && v.toLowerCase().includes(id));
  for (const partition of new Set(objectIds.map(partitionOf))) {
    for await (const row of tables
      .client('cases')
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${partition}` } })) {
      // Report feed rows are a queue the report aggregator consumes (and deletes) on its own schedule.
      if (String(row.rowKey).startsWith('feed|')) continue;
      if (objectIds.some((id) => names(row, id))) add('cases', row);
    }
  }
  for (const table of ['intakes', 'submissionLog'] as const) {
    for await (const row of tables.client(table).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${owner}` } }))
      add(table, row);
  }
  // Their own 1:1 conversation and endpoint (keyed by their id), and the registered channels.
  for await (const row of tables.client('conversations').listEntities<Record<string, unknown>>()) {
    if (row.partitionKey === 'channel' || String(row.rowKey).toLowerCase().includes(owner)) add('conversations', row);
  }
  return rows;
}
