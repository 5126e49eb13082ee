import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  failureKindOfStatus,
  isRepeatable,
  nextStep,
  parseRetryAfter,
  type AttemptCounts,
  type AttemptContext,
  type DeliveryFailure,
  type DeliveryFailureKind,
} from '../../../src/domain/delivery/delivery-outcome';

const NOW = new Date('2026-11-20T10:00:00Z');
const QUEUED = new Date('2026-11-20T09:59:00Z');
const fresh = { attempts: 0, throttles: 0 };
const mid = () => 0.5;

/** A new message (DM or channel post) with these counts, failing now. */
function newMessage(counts: AttemptCounts = fresh, firstQueuedAt: Date = QUEUED): AttemptContext {
  return { counts, now: NOW, firstQueuedAt, repeatable: false };
}

/** A card update (PUT of the same activity) with these counts. */
function cardUpdate(counts: AttemptCounts = fresh): AttemptContext {
  return { counts, now: NOW, firstQueuedAt: QUEUED, repeatable: true };
}

describe('failure kinds from connector statuses', () => {
  it.each([
    [429, 'throttled'],
    [403, 'unreachable'],
    [404, 'unreachable'],
    [412, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [408, 'timeout'],
    [400, 'rejected'],
    [401, 'rejected'],
    [413, 'rejected'],
  ] as const)('%i is %s', (status, kind) => {
    expect(failureKindOfStatus(status)).toBe(kind);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', NOW.getTime())).toBe(3000);
    expect(parseRetryAfter('0.5', NOW.getTime())).toBe(500);
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:10 GMT', NOW.getTime())).toBe(10_000);
    expect(parseRetryAfter(undefined, NOW.getTime())).toBeUndefined();
    expect(parseRetryAfter('soon', NOW.getTime())).toBeUndefined();
  });
});

describe('nextStep', () => {
  it('honours Retry-After on a 429 (plus a little jitter), without counting an attempt', () => {
    const failure: DeliveryFailure = { kind: 'throttled', status: 429, retryAfterMs: 5000, detail: '' };
    const step = nextStep(failure, newMessage(), DEFAULT_RETRY_POLICY, () => 0);
    expect(step).toEqual({ kind: 'retry', at: new Date(NOW.getTime() + 5000), counts: { attempts: 0, throttles: 1 } });
    const jittered = nextStep(failure, newMessage(), DEFAULT_RETRY_POLICY, () => 0.99);
    expect(jittered.kind === 'retry' && jittered.at.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(5000);
    expect(jittered.kind === 'retry' && jittered.at.getTime() - NOW.getTime()).toBeLessThanOrEqual(5500);
  });

  it('backs off exponentially with jitter on 5xx, 412 and timeouts, then gives up', () => {
    const failure: DeliveryFailure = { kind: 'transient', status: 503, detail: '' };
    const delays: number[] = [];
    let counts = fresh;
    for (;;) {
      const step = nextStep(failure, newMessage(counts), DEFAULT_RETRY_POLICY, mid);
      if (step.kind === 'give-up') {
        expect(step.reason).toBe('too-many-attempts');
        expect(step.counts.attempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
        break;
      }
      if (step.kind !== 'retry') throw new Error(`unexpected ${step.kind}`);
      delays.push(step.at.getTime() - NOW.getTime());
      counts = step.counts;
    }
    expect(delays).toEqual([750, 1500, 3000, 6000, 12000, 24000, 48000]);
    expect(nextStep({ kind: 'timeout', detail: '' }, newMessage(), DEFAULT_RETRY_POLICY, mid)).toMatchObject({
      kind: 'retry',
      counts: { attempts: 1 },
    });
  });

  it('jitter spreads retries between half and all of the exponential delay, capped', () => {
    expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(500);
    expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 0.999999)).toBeCloseTo(1000, 0);
    expect(backoffMs(30, DEFAULT_RETRY_POLICY, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('treats 403 / 404 as final: unreachable', () => {
    expect(nextStep({ kind: 'unreachable', status: 404, detail: '' }, newMessage())).toMatchObject({
      kind: 'give-up',
      reason: 'unreachable',
    });
    expect(nextStep({ kind: 'rejected', status: 400, detail: '' }, newMessage())).toMatchObject({ kind: 'give-up', reason: 'rejected' });
  });

  it('gives up on endless 429s only after a large budget', () => {
    const step = nextStep(
      { kind: 'throttled', status: 429, detail: '' },
      newMessage({ attempts: 0, throttles: DEFAULT_RETRY_POLICY.maxThrottles }),
    );
    expect(step).toMatchObject({ kind: 'give-up', reason: 'too-many-attempts' });
  });

  it('waits for a channel to be registered, for a week at most', () => {
    expect(nextStep({ kind: 'not-ready', detail: '' }, newMessage(), DEFAULT_RETRY_POLICY, mid)).toMatchObject({
      kind: 'retry',
      counts: fresh,
    });
    const longAgo = new Date(NOW.getTime() - 8 * 24 * 3_600_000);
    expect(nextStep({ kind: 'not-ready', detail: '' }, newMessage(fresh, longAgo))).toMatchObject({
      kind: 'give-up',
      reason: 'never-ready',
    });
  });

  it('never sends a new message again when its call may have landed: uncertain, one attempt counted', () => {
    const failure: DeliveryFailure = { kind: 'uncertain', detail: 'no answer within 45000 ms' };
    expect(nextStep(failure, newMessage({ attempts: 2, throttles: 3 }), DEFAULT_RETRY_POLICY, mid)).toEqual({
      kind: 'uncertain',
      counts: { attempts: 3, throttles: 3 },
    });
  });

  it('retries a card update whose outcome is unknown (the same PUT twice is harmless), within the attempt budget', () => {
    const failure: DeliveryFailure = { kind: 'uncertain', detail: '' };
    expect(nextStep(failure, cardUpdate(), DEFAULT_RETRY_POLICY, mid)).toEqual({
      kind: 'retry',
      at: new Date(NOW.getTime() + 750),
      counts: { attempts: 1, throttles: 0 },
    });
    expect(
      nextStep(failure, cardUpdate({ attempts: DEFAULT_RETRY_POLICY.maxAttempts - 1, throttles: 0 }), DEFAULT_RETRY_POLICY, mid),
    ).toMatchObject({ kind: 'give-up', reason: 'too-many-attempts' });
  });

  // Every failure kind, for a new message and for a card update: the only difference is 'uncertain'.
  const EXPECTED: Record<DeliveryFailureKind, { readonly newMessage: string; readonly update: string }> = {
    throttled: { newMessage: 'retry', update: 'retry' },
    transient: { newMessage: 'retry', update: 'retry' },
    timeout: { newMessage: 'retry', update: 'retry' },
    uncertain: { newMessage: 'uncertain', update: 'retry' },
    unreachable: { newMessage: 'give-up', update: 'give-up' },
    rejected: { newMessage: 'give-up', update: 'give-up' },
    'not-ready': { newMessage: 'retry', update: 'retry' },
  };
  it.each(Object.entries(EXPECTED))('%s → %j', (kind, expected) => {
    const failure = { kind, detail: '' } as DeliveryFailure;
    expect(nextStep(failure, newMessage(), DEFAULT_RETRY_POLICY, mid).kind).toBe(expected.newMessage);
    expect(nextStep(failure, cardUpdate(), DEFAULT_RETRY_POLICY, mid).kind).toBe(expected.update);
  });
});

describe('isRepeatable', () => {
  it('only a card update may be delivered twice', () => {
    expect(isRepeatable({ kind: 'update', messageId: 'm1' })).toBe(true);
    expect(isRepeatable({ kind: 'user', aadObjectId: 'u1', displayName: 'U' })).toBe(false);
    expect(isRepeatable({ kind: 'channel', channel: 'help-desk' })).toBe(false);
  });
});
