import { requestEvent } from '../../../src/domain/history';
import { requestFeed } from '../../../src/domain/reports/report-feed';
import { plainRequest } from '../../support/outbox-fixtures';

const ALEX = { kind: 'user', role: 'requester', aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' } as const;

describe('report feed: "not fixed"', () => {
  const at = new Date('2026-11-20T10:00:00Z');
  const request = plainRequest(at);

  it('counts the second "not fixed" as a hand-on to the help desk, and the first (back to the holder) as none', () => {
    const toHelpDesk = requestFeed(request, request, [requestEvent('not-fixed', ALEX, at, { round: 2, to: 'help-desk' })]);
    expect(toHelpDesk.facts).toEqual([{ fact: 'request-handed-on', at: at.toISOString(), to: 'help-desk' }]);
    const back = requestFeed(request, request, [requestEvent('not-fixed', ALEX, at, { round: 1, to: 'holder' })]);
    expect(back.facts.filter((f) => f.fact === 'request-handed-on')).toEqual([]);
  });
});
