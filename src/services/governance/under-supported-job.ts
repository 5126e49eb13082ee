/**
 * The under-supported solutions job: reads the catalog, finds the solutions that need more support
 * than their tier gives (domain/governance/under-supported.ts), and DMs each one's maker (or the
 * manager when the maker has left) a card to ask for graduation or add co-owners, once per solution
 * and period (the ISO week). With several instances exactly one runs it (the renewed
 * `under-supported` lease); and a notice is written insert-only with its DM, so even two runs that
 * overlap send one DM. The admins' list reads the period's notices.
 */
import { createHash } from 'node:crypto';
import { activityWindow, NO_ACTIVITY, type SolutionActivity } from '../../domain/governance/solution-activity';
import {
  noticePeriod,
  noticeRecipient,
  underSupportSignals,
  type UnderSupportedNotice,
  type UnderSupportThresholds,
} from '../../domain/governance/under-supported';
import type { CatalogStore } from '../../domain/ports/catalog';
import type { Clock } from '../../domain/ports/clock';
import type { LeaseStore } from '../../domain/ports/leases';
import type { SolutionActivityReader } from '../../domain/ports/solution-activity';
import type { UnderSupportedNotices } from '../../domain/ports/under-supported-notices';
import type { OutboxMessage } from '../../domain/outbox-message';
import { underSupportedNoticeCard } from '../../presentation/under-supported-cards';
import { RenewedLeases } from '../jobs/renewed-leases';

export const UNDER_SUPPORTED_LEASE = 'under-supported';
const DEFAULT_WINDOW_DAYS = 30;

export interface UnderSupportedDeps {
  readonly catalog: Pick<CatalogStore, 'listAll'>;
  readonly notices: UnderSupportedNotices;
  readonly leases: LeaseStore;
  readonly clock: Clock;
  readonly owner: string;
  readonly thresholds: UnderSupportThresholds;
  /** The report counters' requests and timeouts per solution (without it, those two are not looked at). */
  readonly activity?: SolutionActivityReader;
  /** The days requests and timeouts are counted over, ending today (default 30). */
  readonly windowDays?: number;
  /** How often the job looks (a notice still goes once per period). */
  readonly intervalMs: number;
  readonly leaseTtlMs?: number;
}

export type UnderSupportedRun =
  | { readonly ran: false; readonly why: 'not-leader' }
  | { readonly ran: true; readonly period: string; readonly found: number; readonly notified: number };

export class UnderSupportedJob {
  readonly leases: RenewedLeases;

  constructor(private readonly deps: UnderSupportedDeps) {
    this.leases = new RenewedLeases(deps.leases, deps.clock, { owner: deps.owner, names: [UNDER_SUPPORTED_LEASE], ttlMs: deps.leaseTtlMs });
  }

  get intervalMs(): number {
    return this.deps.intervalMs;
  }

  async runOnce(): Promise<UnderSupportedRun> {
    await this.leases.refresh();
    if (!this.leases.holds(UNDER_SUPPORTED_LEASE)) return { ran: false, why: 'not-leader' };
    const now = this.deps.clock.now();
    const period = noticePeriod(now);
    let found = 0;
    let notified = 0;
    const windowDays = this.deps.windowDays ?? DEFAULT_WINDOW_DAYS;
    const activity = await this.activity(now, windowDays);
    for (const { solution } of await this.deps.catalog.listAll()) {
      const signals = underSupportSignals(solution, this.deps.thresholds, activity.get(solution.id) ?? NO_ACTIVITY);
      if (signals.length === 0) continue;
      found += 1;
      const to = noticeRecipient(solution);
      const notice: UnderSupportedNotice = {
        id: `u-${createHash('sha256').update(`${period}|${solution.id}`).digest('hex').slice(0, 32)}`,
        period,
        solutionId: solution.id,
        solutionName: solution.name,
        tier: solution.tier,
        reasons: signals.map((s) => s.reason),
        figures: Object.fromEntries(signals.flatMap((s) => (s.figure ? [[s.reason, s.figure]] : []))),
        windowDays,
        ...(to ? { recipient: { aadObjectId: to.person.aadObjectId, displayName: to.person.displayName, role: to.role } } : {}),
        foundAt: now.toISOString(),
      };
      if (await this.deps.notices.record(notice, dmOf(notice))) notified += notice.recipient ? 1 : 0;
    }
    return { ran: true, period, found, notified };
  }

  /** Per-solution requests and timeouts from the report counters (16 × days rows), when asked for. */
  private async activity(now: Date, days: number): Promise<ReadonlyMap<string, SolutionActivity>> {
    const { requests, timeouts } = this.deps.thresholds;
    if (!this.deps.activity || (requests === undefined && timeouts === undefined)) return new Map();
    const { from, to } = activityWindow(now, days);
    return this.deps.activity.solutionActivity(from, to);
  }

  /** This period's notices, for admins. */
  async thisPeriod(limit = 50): Promise<{ period: string; notices: UnderSupportedNotice[] }> {
    const period = noticePeriod(this.deps.clock.now());
    return { period, notices: await this.deps.notices.list(period, limit) };
  }
}

function dmOf(notice: UnderSupportedNotice): OutboxMessage[] {
  const to = notice.recipient;
  if (!to) return [];
  return [
    {
      id: `${notice.id}.maker-notification.${to.aadObjectId}`,
      requestId: notice.id,
      // Not 'maker-notification': that purpose starts a request's acknowledgement timer.
      purpose: 'requester-update',
      target: { kind: 'user', aadObjectId: to.aadObjectId, displayName: to.displayName },
      card: underSupportedNoticeCard(notice),
      createdAt: notice.foundAt,
    },
  ];
}
