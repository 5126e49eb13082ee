/**
 * Keeps the lists table (ticket-list-rows.ts) level with the tickets.
 *
 * A ticket lives in its shard of the Cases table and its list rows in TicketLists: Table Storage's
 * transactions cover one partition of one table, so the two cannot be written atomically. Instead, an
 * outbox-style step: the ticket's own transaction also writes a marker (list-marker-rows.ts) naming
 * the list rows the change made stale. After that transaction, `follow` writes the ticket's rows and
 * deletes the stale ones, then deletes the marker. Every step is idempotent (upserts, deletes that
 * accept 404), so a crash or a failed call between the steps only leaves the marker behind, and
 * `repairPending` (a background sweep, any instance) finishes the work from it later.
 *
 * Two changes to one ticket may be followed at the same time, and a slow writer's rows may land after
 * a newer change's: so after writing, the follower reads the ticket's ETag again, and if the ticket
 * changed meanwhile it goes round again from what is stored now, deleting what it wrote if that is
 * stale. The rows converge on the stored ticket's; the last follower to find the ticket unchanged
 * after its writes has written them.
 */
import type { TableClient } from '@azure/data-tables';
import type { TicketListRepairs } from '../../domain/ports/ticket-lists';
import type { Ticket } from '../../domain/tickets/ticket';
import { ALL_PARTITIONS, partitionOf } from '../cases/case-partitions';
import { readJson, type DataRow } from '../stored-text';
import type { TableService } from '../table-service';
import { deleteRow, getOrUndefined, listRange, unavailable } from '../table-calls';
import { LIST_MARKER_ROW, staleOf, ticketIdOfMarker, type ListMarkerRow } from './list-marker-rows';
import { listRowsOf, splitListRowId, type ListRow } from './ticket-list-rows';
import { TICKET_ROW } from './ticket-rows';

/** What a ticket change hands over after its transaction: enough to follow it without reading anything first. */
export interface ListChange {
  readonly ticketId: string;
  /** The marker the transaction wrote. */
  readonly markerKey: string;
  /** The ETag the transaction gave the ticket row. */
  readonly ticketEtag: string;
  /** The rows the change added or changed (those it left as they were are not written again). */
  readonly rows: ReadonlyMap<string, ListRow>;
  readonly stale: readonly string[];
}

/** The list rows a change from `before` (none for a new ticket) to `after` writes and deletes; undefined when none. */
export function listChangeOf(before: Ticket | undefined, after: Ticket): Pick<ListChange, 'rows' | 'stale'> | undefined {
  const old = before ? listRowsOf(before) : new Map<string, ListRow>();
  const next = listRowsOf(after);
  const rows = new Map([...next].filter(([id, row]) => old.get(id)?.data !== row.data));
  const stale = [...old.keys()].filter((id) => !next.has(id));
  return rows.size === 0 && stale.length === 0 ? undefined : { rows, stale };
}

/** Rounds of "write, then check the ticket did not change" before leaving the rest to the sweep. */
const MAX_ROUNDS = 5;

export class TicketListIndex implements TicketListRepairs {
  /** On the account's Cases and TicketLists tables. */
  static on(tables: TableService, onFailure?: (ticketId: string, error: unknown) => void): TicketListIndex {
    return new TicketListIndex(tables.client('cases'), tables.client('ticketLists'), onFailure);
  }

  constructor(
    private readonly cases: TableClient,
    private readonly lists: TableClient,
    /** Told when following a change failed (the marker stays; the sweep finishes it). */
    private readonly onFailure: (ticketId: string, error: unknown) => void = () => undefined,
  ) {}

  get table(): TableClient {
    return this.lists;
  }

  /** After a ticket change committed. Never throws: the change is done; the sweep repairs what this could not. */
  async follow(change: ListChange): Promise<void> {
    try {
      await this.write(change.rows, change.stale);
      // Done if the ticket is still as this change left it and no earlier change is still unfollowed.
      const [now, markers] = await Promise.all([this.ticketEtag(change.ticketId), this.markersOf(change.ticketId)]);
      const onlyMine = markers.every((m) => m.rowKey === change.markerKey);
      if (now === change.ticketEtag && onlyMine) await this.deleteMarkers(change.ticketId, [change.markerKey]);
      else await this.repair(change.ticketId, [...change.rows.keys()]);
    } catch (error) {
      this.onFailure(change.ticketId, error);
    }
  }

  /**
   * Brings one ticket's list rows level with the stored ticket, from its markers; `written` are rows
   * this process wrote for an older version (deleted if they are stale now). True when done.
   */
  async repair(ticketId: string, written: readonly string[] = []): Promise<boolean> {
    const pk = partitionOf(ticketId);
    let mine = new Set(written);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const markers = await this.markersOf(ticketId);
      const stored = await getOrUndefined<DataRow>(this.cases, pk, TICKET_ROW.key(ticketId), `read ticket ${ticketId}`);
      const rows = stored ? listRowsOf(readJson<Ticket>(stored, 'data')) : new Map<string, ListRow>();
      const stale = new Set([...markers.flatMap(staleOf), ...mine].filter((id) => !rows.has(id)));
      await this.write(rows, [...stale]);
      mine = new Set(rows.keys());
      if ((await this.ticketEtag(ticketId)) === stored?.etag) {
        await this.deleteMarkers(
          ticketId,
          markers.map((m) => m.rowKey),
        );
        return true;
      }
    }
    return false;
  }

  /**
   * The sweep: follows every change whose marker is older than `olderThan` (younger ones are still
   * being followed by the instance that made them). Reads each shard's markers (one range query per
   * shard), at most `limit` tickets per pass. Returns how many tickets it brought level.
   */
  async repairPending(olderThan: Date, limit = 200): Promise<number> {
    const cutoff = olderThan.toISOString();
    const perShard = await Promise.all(
      ALL_PARTITIONS.map((pk) =>
        listRange<ListMarkerRow>(this.cases, { partitionKey: pk, prefix: LIST_MARKER_ROW.prefix, limit }, `query ${pk}/lix|`),
      ),
    );
    const due = [
      ...new Set(
        perShard
          .flat()
          .filter((m) => m.at < cutoff)
          .map((m) => ticketIdOfMarker(m.rowKey)),
      ),
    ].slice(0, limit);
    let repaired = 0;
    for (const ticketId of due) if (await this.repair(ticketId)) repaired++;
    return repaired;
  }

  private async write(rows: ReadonlyMap<string, ListRow>, stale: readonly string[]): Promise<void> {
    await Promise.all([
      ...[...rows.values()].map((row) => this.upsert(row)),
      ...stale
        .filter((id) => !rows.has(id))
        .map((id) => {
          const [partitionKey, rowKey] = splitListRowId(id);
          return deleteRow(this.lists, partitionKey, rowKey, `delete list row ${partitionKey}/${rowKey}`);
        }),
    ]);
  }

  private async upsert(row: ListRow): Promise<void> {
    try {
      await this.lists.upsertEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, data: row.data }, 'Replace');
    } catch (error) {
      throw unavailable(`write list row ${row.partitionKey}/${row.rowKey}`, error);
    }
  }

  private markersOf(ticketId: string): Promise<ListMarkerRow[]> {
    const pk = partitionOf(ticketId);
    const prefix = LIST_MARKER_ROW.ofTicket(ticketId);
    return listRange<ListMarkerRow>(this.cases, { partitionKey: pk, prefix, limit: 1000 }, `query ${pk}/${prefix}`);
  }

  private async ticketEtag(ticketId: string): Promise<string | undefined> {
    const row = await getOrUndefined<DataRow>(this.cases, partitionOf(ticketId), TICKET_ROW.key(ticketId), `read ticket ${ticketId}`);
    return row?.etag;
  }

  private async deleteMarkers(ticketId: string, keys: readonly string[]): Promise<void> {
    const pk = partitionOf(ticketId);
    await Promise.all(keys.map((key) => deleteRow(this.cases, pk, key, `delete list marker ${key}`)));
  }
}
