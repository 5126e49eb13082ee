/**
 * The catalog admins' cards: one entry (facts, the support it can change, its history and flags) and
 * the open "Not my solution" flags. The cards' words are admin.json's (`words`), bound as data.
 */
import type { CatalogHistoryEvent } from '../domain/catalog/catalog-history';
import { formatPeople } from '../domain/catalog/list-formats';
import type { ReviewedFlag } from '../domain/notifications/catalog-flag';
import { TIERS, type CatalogPerson, type Solution } from '../domain/solution';
import type { MessageKey } from '../domain/message-keys';
import { instant, text, type Text } from '../domain/text';
import type { CardRef } from './cards';
import { kindLabel, solutionStatusLabel, tierLabel } from './labels';

/** What an admin reads and edits (services/catalog/catalog-admin.ts). */
export interface EntryView {
  readonly solution: Solution;
  readonly etag: string;
  readonly history: readonly CatalogHistoryEvent[];
  readonly flags: readonly ReviewedFlag[];
}

/** The newest events and flags shown; the rest stay in storage. */
export const SHOWN_HISTORY = 5;
export const SHOWN_FLAGS = 5;
/** Open flags on the review card: the newest; resolving some brings the next ones. */
export const REVIEW_SIZE = 20;
/** A before/after value longer than this is shown shortened (co-owner lists can be long). */
const SHOWN_VALUE = 150;

/** The entry card's own words. */
const ENTRY_WORDS = {
  tier: text('admin.entry.tier'),
  coOwners: text('admin.entry.coOwners'),
  coOwnersHint: text('admin.entry.coOwnersHint'),
  supportChannel: text('admin.entry.supportChannel'),
  supportChannelHint: text('admin.entry.supportChannelHint'),
  editHeading: text('admin.entry.editHeading'),
  save: text('admin.entry.save'),
  reload: text('admin.entry.reload'),
  openFlags: text('admin.entry.openFlags'),
  historyHeading: text('admin.entry.historyHeading'),
  noHistory: text('admin.entry.noHistory'),
  flagsHeading: text('admin.entry.flagsHeading'),
};
const FLAG_WORDS = {
  none: text('admin.flags.none'),
  noteLabel: text('admin.flags.noteLabel'),
  resolve: text('admin.flags.resolve'),
  open: text('admin.flags.open'),
  reload: text('admin.entry.reload'),
};

const FIELD: Readonly<Record<string, MessageKey>> = {
  tier: 'admin.entry.field.tier',
  co_owners: 'admin.entry.field.co_owners',
  support_channel: 'admin.entry.field.support_channel',
};

const SYSTEM: Readonly<Record<'import' | 'sync' | 'directory', MessageKey>> = {
  import: 'admin.entry.byImport',
  sync: 'admin.entry.bySync',
  directory: 'admin.entry.byDirectory',
};

/** What the admin typed, shown again when it could not be saved. */
export interface TypedEdit {
  readonly tier?: string;
  readonly coOwners?: string;
  readonly supportChannel?: string;
}

export function catalogEntryCard(entry: EntryView, notice?: Text, typed: TypedEdit = {}): CardRef {
  const s = entry.solution;
  return {
    card: 'catalog-entry',
    data: {
      heading: text('admin.entry.heading', { name: s.name }),
      notice: notice ?? '',
      facts: [
        { title: text('admin.entry.id'), value: s.id },
        { title: text('admin.entry.kind'), value: kindLabel(s.kind) },
        { title: text('admin.entry.environment'), value: s.environment },
        { title: text('admin.entry.tier'), value: tierLabel(s.tier) },
        { title: text('admin.entry.status'), value: solutionStatusLabel(s.status) },
        { title: text('admin.entry.maker'), value: personLine(s.maker) },
        // Names only (their addresses are in the co-owners input below), unless Graph could not find them.
        ...s.coOwners.map((p) => ({ title: text('admin.entry.coOwners'), value: isReachable(p) ? p.displayName : personLine(p) })),
        { title: text('admin.entry.supportChannel'), value: s.supportChannel ? s.supportChannel : text('admin.entry.none') },
      ],
      solutionId: s.id,
      etag: entry.etag,
      tier: typed.tier ?? s.tier,
      tierChoices: TIERS.map((tier) => ({ title: tierLabel(tier), value: tier })),
      coOwners: typed.coOwners ?? formatPeople(s.coOwners),
      supportChannel: typed.supportChannel ?? s.supportChannel ?? '',
      history: [...entry.history].reverse().slice(0, SHOWN_HISTORY).map(historyItem),
      flags: entry.flags.slice(0, SHOWN_FLAGS).map((f) => ({
        line: f.resolvedAt
          ? text('admin.entry.flagLineResolved', {
              at: instant(f.flaggedAt),
              by: f.flaggedBy.displayName,
              resolvedBy: f.resolvedBy?.displayName ?? '',
            })
          : text('admin.entry.flagLine', { at: instant(f.flaggedAt), by: f.flaggedBy.displayName }),
        note: f.note ? text('admin.entry.flagNote', { note: shortened(f.note) }) : '',
      })),
      words: ENTRY_WORDS,
    },
  };
}

export function catalogFlagsCard(flags: readonly ReviewedFlag[], names: ReadonlyMap<string, string>, notice?: Text): CardRef {
  return {
    card: 'catalog-flags',
    data: {
      heading: text('admin.flags.heading', { count: flags.length }),
      notice: notice ?? '',
      flags: flags.slice(0, REVIEW_SIZE).map((f) => ({
        line: text('admin.flags.line', {
          solution: names.get(f.solutionId) ?? f.solutionId,
          by: f.flaggedBy.displayName,
          at: instant(f.flaggedAt),
        }),
        note: f.note ? text('admin.entry.flagNote', { note: shortened(f.note) }) : '',
        solutionId: f.solutionId,
        requestId: f.requestId,
      })),
      words: FLAG_WORDS,
    },
  };
}

function historyItem(event: CatalogHistoryEvent): { line: Text; changes: Array<{ line: Text }> } {
  // An admin's edit or an approved graduation names the person; an import, a sync or the directory names the job.
  const by = event.by.kind === 'system' ? text(SYSTEM[event.by.component]) : event.by.displayName;
  return {
    line: text('admin.entry.historyLine', { at: instant(event.at), by }),
    changes: Object.entries(event.changes).map(([field, change]) => ({
      line: text('admin.entry.change', {
        field: FIELD[field] ? text(FIELD[field]!) : field,
        from: shown(change.from),
        to: shown(change.to),
      }),
    })),
  };
}

function shown(value: string): Text | string {
  return value === '' ? text('admin.entry.empty') : shortened(value);
}

/** Shown shortened (the whole value stays in storage; the inputs carry the full current one). */
function shortened(value: string): string {
  return value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}…` : value;
}

function personLine(person: CatalogPerson): Text {
  return text(isReachable(person) ? 'admin.entry.person' : 'admin.entry.unresolved', { name: person.displayName, email: person.email });
}

/** Routing can message only a person with an object id whose account Graph did not find disabled or missing. */
function isReachable(person: CatalogPerson): boolean {
  return person.aadObjectId !== undefined && person.identity?.state !== 'not-found' && person.identity?.state !== 'disabled';
}
