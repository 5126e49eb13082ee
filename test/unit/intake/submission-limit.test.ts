import { decideSubmission, HOUR_MS, type SubmissionRecord } from '../../../src/domain/intake/submission-limit';

const POLICY = { perWindow: 3, windowMs: HOUR_MS };
const NOW = new Date('2026-11-20T10:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const record = (requestId: string, minutesAgo: number): SubmissionRecord => ({ requestId, at: at(minutesAgo) });

describe('decideSubmission (a sliding hour per person)', () => {
  it('counts a submission while there is room, keeping only the last hour', () => {
    const decision = decideSubmission([record('old', 61), record('a', 30)], 'b', NOW, POLICY);
    expect(decision).toEqual({ allowed: true, counted: true, records: [record('a', 30), { requestId: 'b', at: NOW.toISOString() }] });
  });

  it('refuses past the limit, saying when the oldest one leaves the hour', () => {
    const decision = decideSubmission([record('a', 50), record('b', 20), record('c', 5)], 'd', NOW, POLICY);
    expect(decision).toEqual({ allowed: false, retryAt: new Date(Date.parse(at(50)) + HOUR_MS) });
  });

  it('lets the same request through again without counting it twice (redelivery, a retry after a failure)', () => {
    const stored = [record('a', 50), record('b', 20), record('c', 5)];
    expect(decideSubmission(stored, 'b', NOW, POLICY)).toEqual({ allowed: true, counted: false, records: stored });
  });

  it('after the limit was lowered, waits until enough of the oldest have left', () => {
    const stored = [record('a', 55), record('b', 40), record('c', 30), record('d', 10)];
    const decision = decideSubmission(stored, 'e', NOW, { ...POLICY, perWindow: 2 });
    expect(decision).toEqual({ allowed: false, retryAt: new Date(Date.parse(at(30)) + HOUR_MS) });
  });

  it('a submission exactly one hour old no longer counts', () => {
    expect(decideSubmission([record('a', 60), record('b', 1), record('c', 1)], 'd', NOW, POLICY)).toMatchObject({
      allowed: true,
      counted: true,
    });
  });
});
