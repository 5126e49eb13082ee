/**
 * "Report a problem" from any Teams message: the questionnaire on one form, its first steps filled in
 * from the message. It is the intake, not a copy of it: the form's draft is an ordinary intake draft
 * (named after the activity that opened it, so a redelivery finds it), and Send walks the draft
 * through the questionnaire's own steps (need, solution, details, submit) with the intake service.
 * Routing, the per-person limit and idempotency on the intake's id are therefore the questionnaire's.
 */
import type { ActivityRef } from '../../domain/activity-ref';
import type { PersonRef } from '../../domain/history';
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import type { FieldErrors } from '../../domain/intake/intake-validation';
import type { IntakeAction, IntakeView, SubmissionLimited } from '../../domain/intake/intake-view';
import {
  draftFromMessage,
  EMPTY_REPORT,
  type MessageReportView,
  type ReportAction,
  type ReportedMessage,
  type ReportValues,
} from '../../domain/intake/message-report';
import type { SolutionLookup, SolutionMatch } from '../../domain/ports/catalog';
import type { IntakeService } from './intake-service';
import { SEARCH_RESULTS } from './intake-views';

export class MessageReportService {
  constructor(private readonly deps: { readonly intake: IntakeService; readonly catalog: SolutionLookup }) {}

  /** A fresh draft and the form, its title and description taken from the message. */
  async open(requester: PersonRef, message: ReportedMessage, activity?: ActivityRef): Promise<MessageReportView> {
    const view = await this.deps.intake.start(requester, activity);
    const { leftOut, ...draft } = draftFromMessage(message.content, message.contentType);
    const form = await this.formOf(view, { ...EMPTY_REPORT, ...draft });
    return form.kind === 'form' && leftOut ? { ...form, leftOut } : form;
  }

  /**
   * Applies the form to the caller's own draft (the intake loads it from their partition: card data
   * never says whose it is). Send applies the whole form and saves it once with the draft's ETag
   * (form-sending.ts); a redelivered or double-clicked Send ends on the same request.
   */
  async act(actor: PersonRef, intakeId: string, action: ReportAction, values: ReportValues): Promise<MessageReportView> {
    const step = (intakeAction: IntakeAction) => this.deps.intake.act(actor, intakeId, intakeAction);
    if (action === 'search') return this.formOf(await step({ type: 'search', query: values.query }), values);

    const fields = {
      title: values.title,
      description: values.description,
      since: values.since,
      impact: values.impact,
      urgency: values.urgency,
    };
    // No choice of solution is refused as the questionnaire refuses it: pick one, or "It's not listed".
    const solutionId = values.solutionId === '' ? undefined : values.solutionId;
    return this.formOf(await step({ type: 'send-form', category: values.category, solutionId, fields }), values);
  }

  private async formOf(view: IntakeView, values: ReportValues): Promise<MessageReportView> {
    switch (view.kind) {
      case 'submitted':
        return { kind: 'submitted', request: view.request };
      case 'cancelled':
      case 'expired':
      case 'not-found':
        return { kind: 'closed', reason: view.kind };
      // The dialog is one form: it submits straight after the details, so answers are not offered on it.
      case 'answered':
        return { kind: 'closed', reason: 'cancelled' };
      case 'solution':
        return this.form(view.draft, values, view.matches, view.errors);
      case 'need':
      case 'details':
        return this.form(view.draft, values, await this.matchesOf(view.draft), view.errors);
      case 'answers':
        return this.form(view.draft, values, await this.matchesOf(view.draft));
      case 'review':
        return this.form(view.draft, values, await this.matchesOf(view.draft), undefined, view.limited);
    }
  }

  private form(
    draft: IntakeDraft,
    values: ReportValues,
    matches: readonly SolutionMatch[],
    errors?: FieldErrors,
    limited?: SubmissionLimited,
  ): MessageReportView {
    return { kind: 'form', intakeId: draft.id, values, matches, ...(errors ? { errors } : {}), ...(limited ? { limited } : {}) };
  }

  /** The questionnaire's search, again: the choices stay on the form after any other step. */
  private async matchesOf(draft: IntakeDraft): Promise<readonly SolutionMatch[]> {
    return draft.searchQuery ? this.deps.catalog.search(draft.searchQuery, SEARCH_RESULTS) : [];
  }
}
