/**
 * A questionnaire started from what a person wrote in chat: any message that is no command starts
 * one with the message as its description (or resumes the one they have open), and a "Get help"
 * deep link starts one about a given solution. The questionnaire itself is the intake service's.
 */
import { uuidOfActivity, type ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import { chooseCategory, chooseSolution, isExpired, type IntakeDraft } from '../../domain/intake/intake-draft';
import type { IntakeView } from '../../domain/intake/intake-view';
import type { ConversationStartResult } from '../../domain/intake/conversation-start';
import { canAdoptOpening, OPENING_TEXT_LIMIT, openedWith } from '../../domain/intake/opening-text';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { IntakeServiceDeps } from './intake-deps';
import type { IntakeService } from './intake-service';
import { IntakeViews } from './intake-views';

export class ConversationStartService {
  private readonly views: IntakeViews;

  constructor(
    private readonly intake: IntakeService,
    private readonly deps: Pick<IntakeServiceDeps, 'intakes' | 'requests' | 'catalog' | 'people' | 'clock'>,
  ) {
    this.views = new IntakeViews(deps);
  }

  /**
   * A message that is no command. A redelivered message finds the draft its first delivery made
   * (the draft's id is the activity's); otherwise the person's open questionnaire is resumed (taking
   * the message as its description if it has none yet), or a new one starts from the message.
   */
  async fromMessage(requester: PersonRef, message: string, activity?: ActivityRef): Promise<ConversationStartResult> {
    if (message.length > OPENING_TEXT_LIMIT) return { kind: 'too-long', length: message.length, max: OPENING_TEXT_LIMIT };
    const now = this.deps.clock.now();
    const own = activity ? await this.deps.intakes.get(requester.aadObjectId, uuidOfActivity(activity)) : undefined;
    if (own !== undefined) return { kind: 'started', view: await this.views.viewOf(own.draft) };

    const open = (await this.deps.intakes.listOf(requester.aadObjectId))
      .filter((s) => s.draft.state === 'open' && !isExpired(s.draft, now))
      .sort((a, b) => b.draft.updatedAt.localeCompare(a.draft.updatedAt))[0];
    if (open === undefined) {
      return { kind: 'started', view: await this.intake.start(requester, activity, (draft) => openedWith(draft, message)) };
    }
    if (!canAdoptOpening(open.draft)) return { kind: 'resumed', view: await this.views.viewOf(open.draft), adopted: false };
    const next = { ...openedWith(open.draft, message), updatedAt: now.toISOString() };
    return { kind: 'resumed', view: await this.views.viewOf(await this.save(open, next)), adopted: true };
  }

  /**
   * "help with <solution id>" (the maker's "Get help" link): a new questionnaire about a problem with
   * that solution, at the details step. Undefined when the catalog has no such solution: the message
   * is then read as anything else someone writes ("help with my expense app").
   */
  async helpWith(requester: PersonRef, solutionId: string, activity?: ActivityRef): Promise<IntakeView | undefined> {
    const id = solutionId.trim();
    if (id === '' || id.length > 200) return undefined;
    const solution = await this.deps.catalog.get(id);
    if (solution === undefined) return undefined;
    const now = this.deps.clock.now();
    return this.intake.start(requester, activity, (draft) =>
      chooseSolution(chooseCategory(draft, 'solution-problem', now), solution.id, now),
    );
  }

  private async save(stored: { draft: IntakeDraft; etag: string }, next: IntakeDraft): Promise<IntakeDraft> {
    try {
      return (await this.deps.intakes.update(stored, next)).draft;
    } catch (error) {
      // A card action on the same draft won the race: show the draft as it is now.
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      return (await this.deps.intakes.get(next.requester.aadObjectId, next.id))?.draft ?? stored.draft;
    }
  }
}
