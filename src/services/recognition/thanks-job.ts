/**
 * The makers' monthly thank-you job (issue 17, "provide recognition and encouragement to your
 * makers"). After a month ends, every maker or co-owner who answered or resolved at least
 * `minimum` of their users' requests in it gets a DM card with their own figures, read from the
 * report counters (a month of per-day rows, never the requests). With several instances exactly one
 * runs it (the renewed `recognition` lease); and each thank-you is written insert-only with its DM,
 * keyed by person and month, so even two runs that overlap send one card. Opted-out people get none.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import type { RecognitionChoices, ThanksRecords } from '../../domain/ports/recognition';
import type { ReportCounterStore } from '../../domain/ports/report-counters';
import type { OutboxMessage } from '../../domain/outbox-message';
import { thankedHelpers } from '../../domain/recognition/most-helpful';
import { dueMonth, monthPeriod, type Month } from '../../domain/recognition/recognition-month';
import { solutionsOf, thanksFor, type Thanks } from '../../domain/recognition/thanks';
import { helpersOf, sumDays } from '../../domain/reports/report-figures';
import { thanksCard } from '../../presentation/recognition-cards';
import { RenewedLeases } from '../jobs/renewed-leases';

export const RECOGNITION_LEASE = 'recognition';
/** A month's cards wait this long after it ends, so the aggregator has folded its last minutes. */
export const DEFAULT_GRACE_MS = 3_600_000;

export interface ThanksJobDeps {
  readonly counters: Pick<ReportCounterStore, 'read'>;
  readonly records: ThanksRecords;
  readonly choices: Pick<RecognitionChoices, 'optedOut'>;
  readonly leases: LeaseStore;
  readonly clock: Clock;
  readonly owner: string;
  /** Requests answered or resolved in the month for a card (at least 1). */
  readonly minimum: number;
  /** How often the job looks (a person still gets one card per month). */
  readonly intervalMs: number;
  readonly graceMs?: number;
  readonly leaseTtlMs?: number;
}

export type ThanksRun =
  | { readonly ran: false; readonly why: 'not-leader' }
  | { readonly ran: true; readonly month: Month; readonly thanked: number; readonly optedOut: number; readonly done: boolean };

export const thanksId = (month: Month, aadObjectId: string): string =>
  `t-${createHash('sha256').update(`${month}|${aadObjectId.toLowerCase()}`).digest('hex').slice(0, 32)}`;

export class ThanksJob {
  readonly leases: RenewedLeases;

  constructor(private readonly deps: ThanksJobDeps) {
    this.leases = new RenewedLeases(deps.leases, deps.clock, { owner: deps.owner, names: [RECOGNITION_LEASE], ttlMs: deps.leaseTtlMs });
  }

  get intervalMs(): number {
    return this.deps.intervalMs;
  }

  async runOnce(): Promise<ThanksRun> {
    await this.leases.refresh();
    if (!this.leases.holds(RECOGNITION_LEASE)) return { ran: false, why: 'not-leader' };
    const now = this.deps.clock.now();
    const month = dueMonth(now, this.deps.graceMs ?? DEFAULT_GRACE_MS);
    if (await this.deps.records.monthDone(month)) return { ran: true, month, thanked: 0, optedOut: 0, done: true };
    const period = monthPeriod(month);
    const stored = await this.deps.counters.read(period.from, period.to);
    const sum = sumDays(stored.days, period.from, period.to);
    const helpers = helpersOf(sum);
    const optedOut = await this.deps.choices.optedOut();
    const thanked = thankedHelpers(helpers, optedOut, this.deps.minimum);
    let sent = 0;
    for (const helper of thanked) {
      // Stop between people when the lease is lost: the next leader goes on, insert-only.
      if (!this.leases.holds(RECOGNITION_LEASE)) return { ran: true, month, thanked: sent, optedOut: 0, done: false };
      const thanks = thanksFor(thanksId(month, helper.aadObjectId), month, helper, now, solutionsOf(sum.counts, helper.aadObjectId));
      if (await this.deps.records.record(thanks, dmOf(thanks))) sent += 1;
    }
    await this.deps.records.markMonthDone(month, now);
    const left = helpers.filter((h) => optedOut.has(h.aadObjectId.toLowerCase())).length;
    return { ran: true, month, thanked: sent, optedOut: left, done: true };
  }
}

function dmOf(thanks: Thanks): OutboxMessage[] {
  return [
    {
      id: `${thanks.id}.thanks.${thanks.aadObjectId}`,
      requestId: thanks.id,
      // Not 'maker-notification': that purpose starts a request's acknowledgement timer.
      purpose: 'requester-update',
      target: { kind: 'user', aadObjectId: thanks.aadObjectId, displayName: thanks.displayName },
      card: thanksCard(thanks),
      createdAt: thanks.createdAt,
    },
  ];
}
