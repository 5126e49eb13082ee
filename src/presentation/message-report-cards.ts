/**
 * "Report a problem" from a message, shown in a dialog (task module): the form (`report-message`),
 * the questionnaire's confirmation once sent, or words when the draft is gone. Everything the person
 * typed, and the message's text, is card data only.
 */
import type { MessageKey } from '../domain/message-keys';
import { INTAKE_LIMITS } from '../domain/intake/intake-validation';
import { IMPACTS, URGENCIES } from '../domain/severity';
import { instant, text, type Text } from '../domain/text';
import type { MessageReportView } from '../domain/intake/message-report';
import { cardAnswer, messageAnswer, type Answer } from './answer';
import { intakeCard, needChoices, solutionChoice } from './intake-cards';
import { impactLabel, urgencyLabel } from './labels';

/** The dialog's title bar. */
export const REPORT_TITLE: Text = text('messages.report.title');

const CLOSED: Readonly<Record<Extract<MessageReportView, { kind: 'closed' }>['reason'], MessageKey>> = {
  cancelled: 'messages.intake.closed.cancelled.message',
  expired: 'messages.report.expired',
  'not-found': 'messages.report.notFound',
};

const NO_ERRORS = { category: '', solution: '', title: '', description: '', since: '', impact: '', urgency: '' };

export function messageReportAnswer(view: MessageReportView): Answer {
  switch (view.kind) {
    case 'submitted':
      return cardAnswer(intakeCard({ kind: 'submitted', request: view.request }));
    case 'closed':
      return messageAnswer(text(CLOSED[view.reason]));
    case 'form': {
      const errors = view.errors ?? {};
      const limited = view.limited;
      return cardAnswer({
        card: 'report-message',
        data: {
          intakeId: view.intakeId,
          values: view.values,
          needs: needChoices(),
          query: view.values.query,
          searched: view.values.query !== '',
          hasMatches: view.matches.length > 0,
          choices: [
            ...view.matches.map(({ solution }) => solutionChoice(solution)),
            { title: text('messages.intake.notListed'), value: 'not-listed' },
          ],
          impacts: IMPACTS.map((value) => ({ title: impactLabel(value), value })),
          urgencies: URGENCIES.map((value) => ({ title: urgencyLabel(value), value })),
          errors: { ...NO_ERRORS, ...errors, solution: errors.solution ?? errors.query ?? '' },
          notice: limited
            ? text('messages.report.limited', {
                perHour: limited.perHour,
                count: limited.minutesLeft,
                at: instant(limited.retryAt, 'time'),
              })
            : view.leftOut
              ? text('messages.report.leftOut', { count: view.leftOut, max: INTAKE_LIMITS.description })
              : '',
        },
      });
    }
  }
}
