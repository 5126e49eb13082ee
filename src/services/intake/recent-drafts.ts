/**
 * The drafts this instance last read or wrote, with their ETags, so a card action can skip reading
 * its draft (issue 19: a card action made the floor's two table calls, read and save; the read was
 * half of its storage cost). A copy is only ever used as a trial: the step is computed from it and
 * saved with its ETag, and only a save that succeeds proves the copy was current (storage refuses any
 * other ETag). A trial that does not save (a refusal, a redelivered action, a draft no longer open)
 * or whose save is refused is thrown away and the action is applied again from a fresh read, as if
 * there were no copy. So a stale copy (another instance saved since) costs a round trip, never a
 * wrong answer. Bounded: at most `max` drafts, each kept `ttlMs`; the oldest go first.
 */
import type { IntakeAction } from '../../domain/intake/intake-view';
import type { StoredIntake } from '../../domain/ports/intake';

/** Steps that only save the draft: tried on a copy. Submit, answers and forms write more than the draft. */
const TRIAL_STEPS: ReadonlySet<IntakeAction['type']> = new Set([
  'choose-need',
  'search',
  'choose-solution',
  'set-details',
  'back',
  'need-help',
  'cancel',
]);

export function isTrialStep(action: IntakeAction): boolean {
  return TRIAL_STEPS.has(action.type);
}

/** A step tried on a copy: `saved` once its save succeeded (the copy was current). */
export interface Trial {
  saved: boolean;
}

/** Thrown inside a trial whose save was refused: the copy was stale. */
export class StaleCopy extends Error {
  constructor() {
    super('the copy of the draft was stale');
  }
}

export interface RecentDraftsOptions {
  readonly max?: number;
  readonly ttlMs?: number;
}

export class RecentDrafts {
  private readonly drafts = new Map<string, { stored: StoredIntake; expiresAt: number }>();
  private readonly max: number;
  private readonly ttlMs: number;

  constructor(options: RecentDraftsOptions = {}) {
    this.max = options.max ?? 500;
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
  }

  /** The copy of the requester's draft, if this instance has a recent one. */
  get(requesterId: string, intakeId: string, now: number): StoredIntake | undefined {
    const key = keyOf(requesterId, intakeId);
    const entry = this.drafts.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.drafts.delete(key);
      return undefined;
    }
    return entry.stored;
  }

  keep(stored: StoredIntake, now: number): void {
    const key = keyOf(stored.draft.requester.aadObjectId, stored.draft.id);
    this.drafts.delete(key);
    if (this.drafts.size >= this.max) {
      const oldest = this.drafts.keys().next().value;
      if (oldest !== undefined) this.drafts.delete(oldest);
    }
    this.drafts.set(key, { stored, expiresAt: now + this.ttlMs });
  }

  forget(requesterId: string, intakeId: string): void {
    this.drafts.delete(keyOf(requesterId, intakeId));
  }

  get size(): number {
    return this.drafts.size;
  }
}

function keyOf(requesterId: string, intakeId: string): string {
  return `${requesterId.toLowerCase()}|${intakeId}`;
}
