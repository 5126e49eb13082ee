/**
 * A card action tries the draft this instance saved last instead of reading it (issue 19), and only a
 * save that storage accepts with the copy's ETag counts. Two instances on one table: whatever one
 * does, the other's stale copy never loses an action nor answers from an old state.
 */
import type { TableClient } from '@azure/data-tables';
import type { IntakeDraft } from '../../src/domain/intake/intake-draft';
import type { IntakeRepository, StoredIntake } from '../../src/domain/ports/intake';
import { IntakeService } from '../../src/services/intake/intake-service';
import { RecentDrafts } from '../../src/services/intake/recent-drafts';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { SOLUTIONS } from '../support/fixture-solutions';
import { fixedCatalog } from '../support/test-catalog';
import { freshTables } from '../support/test-storage';

const SAM = { aadObjectId: 'aaaabbbb-0000-4000-8000-000000000a01', displayName: 'Sam Steps' };
const NOW = new Date('2026-11-20T10:00:00Z');

/** The real store, counting reads of one draft (what the copy saves) and saves. */
class CountingIntakes {
  reads = 0;
  saves = 0;
  constructor(private readonly inner: TableIntakeStore) {}
  readonly create = (draft: IntakeDraft) => this.inner.create(draft);
  readonly get = (requesterId: string, id: string) => (this.reads++, this.inner.get(requesterId, id));
  readonly update = (stored: StoredIntake, draft: IntakeDraft) => (this.saves++, this.inner.update(stored, draft));
  readonly discard = (stored: StoredIntake) => this.inner.discard(stored);
  readonly listOf = (requesterId: string, limit?: number) => this.inner.listOf(requesterId, limit);
  readonly prune: IntakeRepository['prune'] = (...args) => this.inner.prune(...args);
}

describe('a card action on the copy of its draft', () => {
  let table: TableClient;
  let cases: TableCaseStore;
  let numbers: TableTicketNumbers;

  beforeAll(async () => {
    const tables = await freshTables();
    table = tables.client('intakes');
    cases = new TableCaseStore(tables.client('cases'));
    numbers = new TableTicketNumbers(tables.client('cases'));
  });

  const instance = (recentDrafts = new RecentDrafts()) => {
    const intakes = new CountingIntakes(new TableIntakeStore(table));
    const service = new IntakeService({
      intakes,
      requests: cases,
      catalog: fixedCatalog(Object.values(SOLUTIONS)),
      clock: { now: () => NOW },
      tickets: { numbers },
      recentDrafts,
    });
    return { intakes, service };
  };
  const key = (n: number) => ({ key: n.toString(16).padStart(32, '0') });

  it('skips the read when the copy is current: the save alone, accepted with its ETag', async () => {
    const a = instance();
    const started = await a.service.start(SAM, key(1));
    if (!('draft' in started)) throw new Error('no draft');
    const view = await a.service.act(SAM, started.draft.id, { type: 'choose-need', category: 'access' }, key(2));
    expect(view.kind).toBe('solution');
    expect({ reads: a.intakes.reads, saves: a.intakes.saves }).toEqual({ reads: 0, saves: 1 });
  });

  it('a copy made stale by another instance costs a read, and the action is applied to the draft as stored', async () => {
    const a = instance();
    const b = instance();
    const started = await a.service.start(SAM, key(3));
    if (!('draft' in started)) throw new Error('no draft');
    const id = started.draft.id;
    // B takes the draft to the solution step; A's copy still shows the first step.
    expect((await b.service.act(SAM, id, { type: 'choose-need', category: 'solution-problem' }, key(4))).kind).toBe('solution');
    // On A, "Back" is tried on the stale copy, refused by storage, and applied again from a fresh read.
    expect((await a.service.act(SAM, id, { type: 'back' }, key(5))).kind).toBe('need');
    expect({ reads: a.intakes.reads, saves: a.intakes.saves }).toEqual({ reads: 1, saves: 2 });
    expect((await new TableIntakeStore(table).get(SAM.aadObjectId, id))?.draft).toMatchObject({
      step: 'need',
      recentActivities: [key(4).key, key(5).key],
    });
  });

  it('an answer that saves nothing (a redelivered action, a cancelled draft) comes from a fresh read, not the copy', async () => {
    const a = instance();
    const b = instance();
    const started = await a.service.start(SAM, key(6));
    if (!('draft' in started)) throw new Error('no draft');
    const id = started.draft.id;
    await b.service.act(SAM, id, { type: 'cancel' }, key(7));
    expect((await a.service.act(SAM, id, { type: 'choose-need', category: 'access' }, key(8))).kind).toBe('cancelled');

    // The same action twice on one instance: the second finds its key in the draft and changes nothing.
    const again = await a.service.start(SAM, key(9));
    if (!('draft' in again)) throw new Error('no draft');
    await a.service.act(SAM, again.draft.id, { type: 'choose-need', category: 'access' }, key(10));
    const saves = a.intakes.saves;
    expect((await a.service.act(SAM, again.draft.id, { type: 'choose-need', category: 'access' }, key(10))).kind).toBe('solution');
    expect(a.intakes.saves).toBe(saves);
  });

  it('keeps at most `max` copies', async () => {
    const recent = new RecentDrafts({ max: 3 });
    const a = instance(recent);
    for (let n = 20; n < 30; n++) await a.service.start(SAM, key(n));
    expect(recent.size).toBe(3);
  });
});
