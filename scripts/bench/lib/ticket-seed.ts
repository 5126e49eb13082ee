/**
 * Help desk tickets as the product stores them, made up fast: the rows a ticket has in the Cases
 * table (its request, the requester's index row, the ticket, its history and its SLA row) and, while
 * open, its rows in the TicketLists table (as after the list step followed it), built by the product's
 * own row functions, written in entity-group transactions of up to 100 rows per partition, several
 * partitions at a time. Outbox rows (delivered long ago) are left out. Most tickets are closed;
 * `openShare` of them are open, some assigned.
 */
import { randomUUID } from 'node:crypto';
import type { SupportRequest } from '../../../src/domain/intake/support-request';
import { referenceFor } from '../../../src/domain/intake/support-request';
import type { Severity } from '../../../src/domain/severity';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import type { TicketStatus } from '../../../src/domain/ticket-status';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { verbatim } from '../../../src/domain/text';
import { partitionOf } from '../../../src/storage/cases/case-partitions';
import { requestEntity } from '../../../src/storage/cases/request-rows';
import { requesterIndexEntity } from '../../../src/storage/cases/requester-index-rows';
import { listRowsOf } from '../../../src/storage/tickets/ticket-list-rows';
import { newTicketEntities } from '../../../src/storage/tickets/ticket-rows';

/** The agents open tickets are assigned to; "mine" is measured for the first. */
export const AGENTS = Array.from({ length: 8 }, (_, i) => ({
  aadObjectId: `a9e17000-0000-4000-8000-00000000000${i}`,
  displayName: `Agent ${i}`,
}));

/** What submitting a transaction needs: the TableClient's method, structurally. */
export interface TransactionTarget {
  submitTransaction(actions: ['create', Record<string, unknown>][]): Promise<unknown>;
}

const OPEN: readonly TicketStatus[] = ['new', 'assigned', 'in-progress', 'waiting-on-requester', 'escalated'];
const SEVERITIES: readonly Severity[] = ['A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C', 'C'];
const DAY = 86_400_000;

/** Deterministic enough for a benchmark: a small PRNG. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TicketSeeder {
  private readonly rnd = random(19);
  private next = 1;
  rows = 0;

  constructor(
    private readonly table: TransactionTarget,
    private readonly lists: TransactionTarget,
    private readonly openShare: number,
    /**
     * Which tickets get their rows in the Cases table: every one, or only the open ones (closed
     * tickets then exist only as a count: they have no list rows, the only rows a list view reads).
     */
    private readonly cases: 'all' | 'open' = 'all',
    /** Transactions in flight at once. */
    private readonly concurrency = 16,
  ) {}

  get tickets(): number {
    return this.next - 1;
  }

  /** Adds `count` tickets, in transactions of up to 100 rows per partition. */
  async add(count: number): Promise<void> {
    const cases = new Batches();
    const lists = new Batches();
    for (let i = 0; i < count; i++) {
      const { rows, listRows } = this.ticketRows();
      if (this.cases === 'all' || listRows.length > 0) cases.add(rows);
      for (const row of listRows) lists.add([row]);
    }
    const ready = [
      ...cases.done().map((b) => ({ table: this.table, batch: b })),
      ...lists.done().map((b) => ({ table: this.lists, batch: b })),
    ];
    let at = 0;
    await Promise.all(
      Array.from({ length: this.concurrency }, async () => {
        while (at < ready.length) {
          const { table, batch } = ready[at++]!;
          await table.submitTransaction(batch.map((row) => ['create', row]));
          this.rows += batch.length;
        }
      }),
    );
  }

  private ticketRows(): { rows: Record<string, unknown>[]; listRows: Record<string, unknown>[] } {
    const rnd = this.rnd;
    const n = this.next++;
    const id = randomUUID();
    const createdAt = new Date(Date.parse('2026-11-30T12:00:00Z') - Math.floor(rnd() * 700 * DAY));
    const severity = SEVERITIES[Math.floor(rnd() * SEVERITIES.length)]!;
    const requester = {
      aadObjectId: `5e9e0000-0000-4000-8000-${String(Math.floor(rnd() * 5000)).padStart(12, '0')}`,
      displayName: `Requester ${n % 5000}`,
    };
    const request = requestOf(id, requester, severity, createdAt, n);
    const opened = openTicketFor(request, formatTicketNumber(n), DEFAULT_SLA_CONFIG, createdAt);
    const ticket = rnd() < this.openShare ? this.asOpen(opened.ticket) : asClosed(opened.ticket, createdAt);
    const pk = partitionOf(id);
    const rows = [
      requestEntity(pk, request) as unknown as Record<string, unknown>,
      requesterIndexEntity(pk, request) as unknown as Record<string, unknown>,
      ...(newTicketEntities(pk, ticket, opened.history) as unknown as Record<string, unknown>[]),
    ];
    return { rows, listRows: [...listRowsOf(ticket).values()].map((row) => ({ ...row })) };
  }

  private asOpen(ticket: Ticket): Ticket {
    const status = OPEN[Math.floor(this.rnd() * OPEN.length)]!;
    const assignee = status === 'new' ? undefined : AGENTS[Math.floor(this.rnd() * AGENTS.length)];
    return { ...ticket, status, ...(assignee ? { assignee: { ...assignee } } : {}) };
  }
}

/** Rows grouped by partition into transactions of at most 100; a ticket's rows never split. */
class Batches {
  private readonly open = new Map<string, Record<string, unknown>[]>();
  private readonly full: Record<string, unknown>[][] = [];

  add(rows: Record<string, unknown>[]): void {
    const pk = rows[0]!.partitionKey as string;
    const buffer = this.open.get(pk) ?? [];
    if (buffer.length + rows.length > 100) this.full.push(buffer.splice(0));
    buffer.push(...rows);
    this.open.set(pk, buffer);
  }

  done(): Record<string, unknown>[][] {
    return [...this.full, ...[...this.open.values()].filter((b) => b.length > 0)];
  }
}

export function asClosed(ticket: Ticket, createdAt: Date): Ticket {
  const resolvedAt = new Date(createdAt.getTime() + 2 * DAY).toISOString();
  const met = (clock: Ticket['sla']['resolution']) => ({ ...clock, metAt: resolvedAt });
  return {
    ...ticket,
    status: 'closed',
    assignee: { ...AGENTS[0]! },
    resolution: 'Fixed: the connection reference pointed at the old environment.',
    resolvedAt,
    sla: { 'first-response': met(ticket.sla['first-response']), resolution: met(ticket.sla.resolution) },
    version: 5,
    updatedAt: resolvedAt,
  };
}

export function requestOf(
  id: string,
  requester: { aadObjectId: string; displayName: string },
  severity: Severity,
  createdAt: Date,
  n: number,
): SupportRequest {
  const at = createdAt.toISOString();
  return {
    id,
    reference: referenceFor(id),
    requester,
    category: 'find-or-how-to',
    notInCatalog: false,
    details: {
      title: `Where is the expenses app? (${n})`,
      description: 'I cannot find it since the reorganisation of the Finance site.',
      since: 'Monday',
      impact: 'me',
      urgency: 'workaround',
    },
    severity,
    routeKind: 'help-desk',
    routeReason: 'find-or-how-to',
    handToDedicatedTeam: false,
    holder: { kind: 'help-desk' },
    explanation: verbatim('The help desk has it.'),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}
