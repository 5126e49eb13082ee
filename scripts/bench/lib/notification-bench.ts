/** The notifications benchmark's requests, and the busiest second of the calls its connector saw. */
import { randomUUID } from 'node:crypto';
import type { SupportRequest } from '../../../src/domain/intake/support-request';
import { referenceFor } from '../../../src/domain/intake/support-request';
import { verbatim } from '../../../src/domain/text';

/** Calls per second between the first and the last call (the pace the connector saw, without start and end). */
export function paceOf(times: readonly number[]): number {
  if (times.length < 2) return 0;
  return (times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000);
}

/** A plain Productivity request to one person (the benchmark's messages are updates on it). */
export function requestOf(i: number, requester: { aadObjectId: string; displayName: string }, at: string): SupportRequest {
  const id = randomUUID();
  return {
    id,
    reference: referenceFor(id),
    requester,
    category: 'solution-problem',
    notInCatalog: false,
    details: { title: `Bench ${i}`, description: 'benchmark', since: '', impact: 'me', urgency: 'workaround' },
    severity: 'C',
    routeKind: 'maker',
    routeReason: 'productivity-problem',
    handToDedicatedTeam: false,
    holder: { kind: 'help-desk' },
    explanation: verbatim(''),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}

/** The most calls in one calendar second (the real one-second windows the budget counts in). */
export function peakInSecond(times: readonly number[]): number {
  const perSecond = new Map<number, number>();
  for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  return Math.max(0, ...perSecond.values());
}

/** The most calls in any window of `windowMs` (arrival times in order). */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= windowMs) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}
