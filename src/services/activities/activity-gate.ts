/**
 * The outer guard against redelivered messages whose effects are not one partition's transaction (a
 * reply sent to Teams, a draft and its card, a channel registration): each message activity is
 * recorded before it is handled, and a second delivery of it is not handled again.
 *
 * A crash between "recorded" and "handled" must not lose the message, so the record says "in progress"
 * until the turn finishes ("done"); a turn that fails removes it (a retry runs again). A redelivery that
 * finds a record still in progress after TAKEOVER_MS takes it over with the record's ETag (one
 * redelivery wins) and handles the message: Teams redelivers only after ~15 s without an answer, so by
 * then the first attempt has crashed or is hopelessly late. A send that went out just before such a
 * crash may go out twice (at-least-once), so effects that must never double carry the activity key
 * themselves (a draft's id is derived from it; appended notes record it in their transaction).
 */
import { ACTIVITY_MEMORY_MS, type ActivityRef } from '../../domain/activity-ref';
import type { ActivityLog } from '../../domain/ports/activities';
import type { Clock } from '../../domain/ports/clock';

/** An in-progress record older than this is taken over by a redelivery (Teams retries after ~15 s). */
export const TAKEOVER_MS = 12_000;

export type GateDecision =
  | { readonly proceed: true; finish(): Promise<void>; release(): Promise<void> }
  | { readonly proceed: false; readonly state: 'done' | 'in-progress' };

export class ActivityGate {
  constructor(
    private readonly log: ActivityLog,
    private readonly clock: Clock,
    private readonly takeoverMs = TAKEOVER_MS,
  ) {}

  async enter(activity: ActivityRef): Promise<GateDecision> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ACTIVITY_MEMORY_MS).toISOString();
    const claim = await this.log.begin(activity.key, now, expiresAt);
    if (claim.kind === 'done') return { proceed: false, state: 'done' };
    let etag: string | undefined = claim.etag;
    if (claim.kind === 'in-progress') {
      if (now.getTime() - Date.parse(claim.claimedAt) < this.takeoverMs) return { proceed: false, state: 'in-progress' };
      etag = await this.log.takeOver(activity.key, claim.etag, now, expiresAt);
      if (etag === undefined) return { proceed: false, state: 'in-progress' };
    }
    const held = etag;
    return {
      proceed: true,
      finish: () => this.log.finish(activity.key, held),
      release: () => this.log.release(activity.key),
    };
  }

  /**
   * For a message whose first effect is its own claim (a draft named after the activity, created at
   * `claimedAt`): the first delivery skips `enter` and calls `done` once handled. A redelivery that
   * finds that effect is decided here as `enter` would: nothing while the first may still be working
   * (younger than the takeover time), nothing once it is done, and otherwise one redelivery takes it over.
   */
  async redelivered(activity: ActivityRef, claimedAt: Date): Promise<GateDecision> {
    if (this.clock.now().getTime() - claimedAt.getTime() < this.takeoverMs) return { proceed: false, state: 'in-progress' };
    return this.enter(activity);
  }

  /** Records the message handled (see `redelivered`): one write, where `enter` and `finish` are two. */
  async done(activity: ActivityRef): Promise<void> {
    const now = this.clock.now();
    await this.log.markDone(activity.key, now, new Date(now.getTime() + ACTIVITY_MEMORY_MS).toISOString());
  }
}
