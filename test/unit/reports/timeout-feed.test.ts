/** A request's timer running out is counted per solution (what the under-supported job reads), and only then. */
import { requestEvent } from '../../../src/domain/history';
import type { SupportRequest } from '../../../src/domain/intake/support-request';
import { requestFeed } from '../../../src/domain/reports/report-feed';
import { tally } from '../../../src/domain/reports/report-tallies';
import { cellOf } from '../../../src/domain/reports/report-rows';
import { SOLUTIONS } from '../../support/fixture-solutions';
import { plainRequest } from '../../support/outbox-fixtures';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu' };
const TIMER = { kind: 'system', component: 'sla-scheduler' } as const;
const at = new Date('2026-11-20T10:00:00Z');
const { id, name, kind, environment, tier, maker, coOwners } = SOLUTIONS.expenses;
const base: SupportRequest = { ...plainRequest(at), solution: { id, name, kind, environment, tier, maker, coOwners } };
const heldBy = (holder: SupportRequest['holder']): SupportRequest => ({ ...base, holder });

describe('report feed: timeouts', () => {
  it.each([
    ['the maker', heldBy({ kind: 'maker', person: MEGAN }), 'co-owners', 'maker'],
    ['the co-owners', heldBy({ kind: 'co-owners', people: [LEE] }), 'help-desk', 'co-owners'],
  ] as const)('a timer handing on from %s is a timeout of that role', (_who, before, to, role) => {
    const entry = requestFeed(before, heldBy({ kind: 'help-desk' }), [requestEvent('handed-on', TIMER, at, { to })]);
    expect(entry.facts).toEqual([{ fact: 'request-handed-on', at: at.toISOString(), to, timedOut: role }]);
    const counts = tally(entry).days.get('2026-11-20')!.counts;
    expect(counts).toEqual({ [`esc|request>${to}`]: 1, [`timeout|${role}`]: 1, [`timeout.sol|${id}`]: 1 });
  });

  it('a person handing on, or the outbox after an undeliverable card, is no timeout', () => {
    const before = heldBy({ kind: 'maker', person: MEGAN });
    const maker = { kind: 'user', role: 'maker', ...MEGAN } as const;
    const outbox = { kind: 'system', component: 'outbox' } as const;
    for (const actor of [maker, outbox]) {
      const entry = requestFeed(before, before, [requestEvent('handed-on', actor as never, at, { to: 'help-desk' })]);
      expect(entry.facts).toEqual([{ fact: 'request-handed-on', at: at.toISOString(), to: 'help-desk' }]);
      expect(Object.keys(tally(entry).days.get('2026-11-20')!.counts)).toEqual(['esc|request>help-desk']);
    }
  });

  it('the CSV has timeouts by role and by solution', () => {
    expect(cellOf('timeout|maker')).toEqual({ measure: 'timeouts', dimension: 'role', member: 'maker' });
    expect(cellOf(`timeout.sol|${id}`)).toEqual({ measure: 'timeouts', dimension: 'solution', member: id });
  });
});
