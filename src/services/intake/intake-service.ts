/**
 * The intake use case: a requester walks the questionnaire, one card action at a time, and submits.
 * Every step loads the draft from storage and saves it with its ETag, so any instance can serve any
 * step and a bot restart loses nothing. Submitting is idempotent on the intake's id (intake-submission.ts);
 * what each step shows is intake-views.ts.
 */
import { randomUUID } from 'node:crypto';
import { uuidOfActivity, withRecentActivity, type ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import {
  back,
  cancel,
  chooseCategory,
  chooseSolution,
  INTAKE_TTL_MINUTES,
  isDisposable,
  isExpired,
  newIntake,
  searchSolutions,
  setDetails,
  type IntakeDraft,
} from '../../domain/intake/intake-draft';
import { validateCategory, validateDetails, validateSearchQuery } from '../../domain/intake/intake-validation';
import { validateUnlisted } from '../../domain/intake/unlisted-solution';
import type { SupportRequest } from '../../domain/intake/support-request';
import { text } from '../../domain/text';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { StoredIntake } from '../../domain/ports/intake';
import type { RequesterPage } from '../../domain/ports/requests';
import { myRequestsPage, openMyRequest, type OpenedRequest } from './my-requests';
import type { IntakeAction, IntakeView } from '../../domain/intake/intake-view';
import type { IntakeServiceDeps } from './intake-deps';
import { submitIntake } from './intake-submission';
import { enteredText, sendForm } from './form-sending';
import { IntakeViews } from './intake-views';
import { needHelp, solved } from '../knowledge/intake-answer-steps';

import { PruneSchedule } from './prune-schedule';
import { isTrialStep, RecentDrafts, StaleCopy, type Trial } from './recent-drafts';

export type { IntakeServiceDeps, PeopleResolution } from './intake-deps';

/** A started questionnaire's draft, and whether this start created it (false: a redelivery found it). */
export interface OpenedIntake {
  readonly stored: StoredIntake;
  readonly created: boolean;
}

export class IntakeService {
  private readonly newId: () => string;
  private readonly views: IntakeViews;
  private readonly pruning: PruneSchedule;
  private readonly recent: RecentDrafts;

  constructor(private readonly deps: IntakeServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
    this.pruning = deps.pruning ?? new PruneSchedule();
    this.recent = deps.recentDrafts ?? new RecentDrafts();
    this.views = new IntakeViews(deps);
  }

  /**
   * Starts a fresh questionnaire ("new request" always starts over; older drafts simply expire). The
   * draft's id is derived from the activity that asked, so a redelivery of it finds the draft the first
   * delivery created (and shows it as it is now) instead of starting another. `prepare` fills the new
   * draft's first answers (a chat message's text, a deep link's solution: conversation-start.ts).
   */
  async start(requester: PersonRef, activity?: ActivityRef, prepare?: (draft: IntakeDraft) => IntakeDraft): Promise<IntakeView> {
    return this.viewOf((await this.open(requester, activity, prepare)).stored.draft);
  }

  /**
   * `start`, saying whether this call created the draft or found the one named after the activity
   * (a redelivery: intake-start.ts decides what it may do).
   */
  async open(requester: PersonRef, activity?: ActivityRef, prepare?: (draft: IntakeDraft) => IntakeDraft): Promise<OpenedIntake> {
    const now = this.deps.clock.now();
    // Tidy the requester's own partition now and then (prune-schedule.ts): abandoned and long-finished
    // drafts go, a few at a time (no draft idle for less than INTAKE_TTL_MINUTES can be disposable).
    if (this.pruning.due(requester.aadObjectId, now)) {
      await this.deps.intakes.prune(requester.aadObjectId, (draft) => isDisposable(draft, now), {
        idleBefore: new Date(now.getTime() - INTAKE_TTL_MINUTES * 60_000),
      });
    }
    const id = activity ? uuidOfActivity(activity) : this.newId();
    try {
      const draft = newIntake(id, requester, now);
      const stored = await this.deps.intakes.create(prepare ? prepare(draft) : draft);
      this.recent.keep(stored, now.getTime());
      return { stored, created: true };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const existing = await this.deps.intakes.get(requester.aadObjectId, id);
      if (existing === undefined) throw error;
      return { stored: existing, created: false };
    }
  }

  /** What `open` made into the view to show (intake-start.ts shows it once the activity is claimed). */
  viewOfDraft(draft: IntakeDraft): Promise<IntakeView> {
    return this.viewOf(draft);
  }

  /**
   * Applies one card action to the caller's own draft and returns what to show next. The draft keeps
   * the keys of its last few activities (saved with it, under its ETag): a redelivered action (Back
   * pressed once, delivered twice) shows the draft as it is instead of applying again.
   */
  async act(actor: PersonRef, intakeId: string, action: IntakeAction, activity?: ActivityRef): Promise<IntakeView> {
    // This instance's copy first, as a trial that counts only if its save succeeds (recent-drafts.ts).
    const copy = isTrialStep(action) ? this.recent.get(actor.aadObjectId, intakeId, this.deps.clock.now().getTime()) : undefined;
    if (copy !== undefined) {
      const trial: Trial = { saved: false };
      try {
        const view = await this.actOn(copy, action, activity, trial);
        if (trial.saved) return view;
      } catch (error) {
        if (!(error instanceof StaleCopy)) throw error;
      }
      this.recent.forget(actor.aadObjectId, intakeId);
    }
    const stored = await this.deps.intakes.get(actor.aadObjectId, intakeId);
    if (stored !== undefined) this.recent.keep(stored, this.deps.clock.now().getTime());
    return this.actOn(stored, action, activity);
  }

  private async actOn(stored: StoredIntake | undefined, action: IntakeAction, activity?: ActivityRef, trial?: Trial): Promise<IntakeView> {
    if (stored === undefined) return { kind: 'not-found' };
    const { draft } = stored;
    if (draft.state === 'cancelled') return { kind: 'cancelled' };
    if (draft.state === 'submitted') return this.views.submittedView(draft);
    if (draft.state === 'answered') return this.viewOf(draft);
    if (isExpired(draft, this.deps.clock.now())) return { kind: 'expired' };
    if (activity && draft.recentActivities?.includes(activity.key)) return this.viewOf(draft);
    if (action.type === 'submit') return submitIntake(this.deps, this.views, stored);
    const next = { ...stored, draft: { ...draft, recentActivities: withRecentActivity(draft.recentActivities, activity) } };
    return this.step(next, action, trial);
  }

  /** The requester's requests, newest first. */
  async myRequests(actor: PersonRef, limit = 10): Promise<SupportRequest[]> {
    return this.deps.requests.listByRequester(actor.aadObjectId, limit);
  }

  /** One page of "my requests" (my-requests.ts); `after` is the previous page's continuation. */
  myRequestsPage(actor: PersonRef, after?: string): Promise<RequesterPage> {
    return myRequestsPage(this.deps.requests, actor, after);
  }

  /** One of the caller's own requests with its newest history, or not-found (someone else's, too). */
  openMyRequest(actor: PersonRef, requestId: string): Promise<OpenedRequest> {
    return openMyRequest(this.deps.requests, actor, requestId);
  }

  private async step(stored: StoredIntake, action: Exclude<IntakeAction, { type: 'submit' }>, trial?: Trial): Promise<IntakeView> {
    const now = this.deps.clock.now();
    const draft = stored.draft;
    const save = (next: IntakeDraft) => this.save(stored, next, trial);
    switch (action.type) {
      case 'back':
        return save(back(draft, now));
      case 'cancel':
        await this.saveDraft(stored, cancel(draft, now), trial);
        return { kind: 'cancelled' };
      case 'need-help':
        return save(needHelp(draft, now));
      case 'solved':
        return this.viewOf(await solved(this.deps, stored, action.articleId, await this.views.solutionOf(draft)));
      case 'choose-need': {
        const category = validateCategory(action.category);
        if (!category.ok) return { kind: 'need', draft, errors: category.errors };
        return save(chooseCategory(draft, category.value, now));
      }
      case 'search': {
        const query = validateSearchQuery(action.query);
        if (!query.ok) return { kind: 'solution', draft, matches: [], errors: query.errors };
        return save(searchSolutions(draft, query.value, now));
      }
      case 'choose-solution': {
        const picked = await this.pickSolution(action.solutionId);
        if (picked === 'invalid') {
          return {
            kind: 'solution',
            draft,
            matches: await this.views.matchesOf(draft),
            errors: { solution: text('messages.intake.errors.solution') },
          };
        }
        return save(chooseSolution(draft, picked, now));
      }
      case 'send-form':
        return sendForm(this.deps, this.views, stored, action, (value) => this.pickSolution(value));
      case 'set-details': {
        // The need comes first (the route depends on it): details on a draft without one (a forged
        // card) show the draft as it is, instead of a review that cannot be routed.
        if (draft.category === undefined) return this.viewOf(draft);
        const details = validateDetails(action.fields);
        // "It's not listed": the solution's name, as they know it (unlisted-solution.ts).
        const unlisted = validateUnlisted(draft, action.fields, action.asksUnlisted === true);
        if (!details.ok || !unlisted.ok) {
          return {
            kind: 'details',
            draft,
            solution: await this.views.solutionOf(draft),
            errors: { ...(details.ok ? {} : details.errors), ...(unlisted.ok ? {} : unlisted.errors) },
            entered: enteredText(action.fields),
          };
        }
        const next = setDetails({ ...draft, unlistedSolution: unlisted.value }, details.value, now);
        return save(next);
      }
    }
  }

  /** `null` = "It's not listed"; 'invalid' when the id is not a catalog solution. */
  private async pickSolution(value: unknown): Promise<string | null | 'invalid'> {
    if (value === 'not-listed') return null;
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) return 'invalid';
    return (await this.deps.catalog.get(value)) ? value : 'invalid';
  }

  private async save(stored: StoredIntake, next: IntakeDraft, trial?: Trial): Promise<IntakeView> {
    return this.viewOf(await this.saveDraft(stored, next, trial));
  }

  /**
   * Saves with the ETag; if a concurrent action (a double click) won, show its result instead. In a
   * trial (a copy, not a fresh read), a refused save means the copy was stale: act() starts again.
   */
  private async saveDraft(stored: StoredIntake, next: IntakeDraft, trial?: Trial): Promise<IntakeDraft> {
    try {
      const saved = await this.deps.intakes.update(stored, next);
      this.recent.keep(saved, this.deps.clock.now().getTime());
      if (trial) trial.saved = true;
      return saved.draft;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      if (trial) throw new StaleCopy();
      const current = await this.deps.intakes.get(next.requester.aadObjectId, next.id);
      return current?.draft ?? next;
    }
  }

  private viewOf(draft: IntakeDraft): Promise<IntakeView> {
    return this.views.viewOf(draft);
  }
}
