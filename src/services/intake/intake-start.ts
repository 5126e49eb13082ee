/**
 * "new request" handled once per activity with one table call where the activity gate takes three
 * (Activities begin, the draft, Activities finish). The draft is named after the activity
 * (uuidOfActivity), so creating it is the claim: the first delivery creates it, shows it, and records
 * the activity done (one write to the Activities table). A redelivery finds the draft already there
 * and is decided as the gate decides a message it recorded (ActivityGate.redelivered): nothing while
 * the first delivery may still be working on it (the draft is younger than the takeover time),
 * nothing once it is recorded done, and otherwise one redelivery takes it over (the gate's claim,
 * with its ETag) and shows the draft as it is now. A turn that fails discards the draft it created
 * (with the ETag it was created with), so a retry starts again, as a released record would.
 */
import type { ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import type { IntakeView } from '../../domain/intake/intake-view';
import type { IntakeRepository } from '../../domain/ports/intake';
import type { ActivityGate } from '../activities/activity-gate';
import type { IntakeService } from './intake-service';

export type StartDecision =
  | { readonly proceed: true; readonly view: IntakeView; finish(): Promise<void>; release(): Promise<void> }
  | { readonly proceed: false; readonly state: 'done' | 'in-progress' };

const nothing = async (): Promise<void> => undefined;

export class IntakeStartService {
  constructor(
    private readonly intake: IntakeService,
    private readonly intakes: Pick<IntakeRepository, 'discard'>,
    /** Without a gate, as without an activity, every delivery starts (or shows) the draft. */
    private readonly gate?: ActivityGate,
  ) {}

  async start(requester: PersonRef, activity: ActivityRef | undefined): Promise<StartDecision> {
    const { stored, created } = await this.intake.open(requester, activity);
    const gate = this.gate;
    if (activity === undefined || gate === undefined) {
      return { proceed: true, view: await this.intake.viewOfDraft(stored.draft), finish: nothing, release: nothing };
    }
    if (created) {
      const release = () => this.intakes.discard(stored);
      try {
        return { proceed: true, view: await this.intake.viewOfDraft(stored.draft), finish: () => gate.done(activity), release };
      } catch (error) {
        await release().catch(() => undefined);
        throw error;
      }
    }
    const decision = await gate.redelivered(activity, new Date(stored.draft.createdAt));
    if (!decision.proceed) return decision;
    try {
      return { ...decision, view: await this.intake.viewOfDraft(stored.draft) };
    } catch (error) {
      await decision.release().catch(() => undefined);
      throw error;
    }
  }
}
