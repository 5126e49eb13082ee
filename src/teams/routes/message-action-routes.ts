/**
 * "Report a problem" on any Teams message: a message action (a compose extension action command in
 * the manifest, `context: ["message"]`, `fetchTask: true`). `composeExtension/fetchTask` opens the
 * form in a dialog; its buttons (Action.Submit) come back as `composeExtension/submitAction`, which
 * is answered with the form again (after a search, or with what to fix) or with the outcome.
 *
 * Everything in the invoke is untrusted: the message's body is read as `unknown` and bounded by the
 * domain before any parsing; the form's data is parsed with a schema of capped strings (a damaged or
 * hostile payload gets plain words); whose draft it is comes from the signed sender, never the data.
 * An unknown command id matches no route and is answered by answerEveryInvoke.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { EMPTY_REPORT, type ReportedMessage } from '../../domain/intake/message-report';
import { text } from '../../domain/text';
import type { Answer } from '../../presentation/answer';
import { messageReportAnswer, REPORT_TITLE } from '../../presentation/message-report-cards';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAttachment, render } from '../rendering';
import type { UseCases } from '../use-cases';
import { viewerOf } from '../viewer';

/** The command's id in the manifest (`composeExtensions[0].commands[0].id`). */
export const REPORT_PROBLEM_COMMAND = 'reportProblem';

const field = z.string().max(4000).optional();
const reportData = z.object({
  intakeId: z.string().uuid(),
  action: z.enum(['search', 'send']),
  category: field,
  query: field,
  solutionId: field,
  title: field,
  description: field,
  since: field,
  impact: field,
  urgency: field,
});

export function registerMessageActionRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.messageExtensions.fetchTask(REPORT_PROBLEM_COMMAND, async (context) => {
    const actor = actorOf(context);
    if (!actor) return render(NO_IDENTITY_MESSAGE, viewerOf(context));
    const view = await useCases.messageReports.open(actor, reportedMessageOf(context), activityRefOf(context));
    return dialogOf(context, messageReportAnswer(view));
  });

  app.messageExtensions.submitAction(REPORT_PROBLEM_COMMAND, async (context, _state, data: unknown) => {
    const actor = actorOf(context);
    if (!actor) return render(NO_IDENTITY_MESSAGE, viewerOf(context));
    const parsed = reportData.safeParse(data);
    if (!parsed.success) return render(text('messages.report.damaged'), viewerOf(context));
    const { intakeId, action, ...typed } = parsed.data;
    const values = { ...EMPTY_REPORT, ...definedOnly(typed) };
    return dialogOf(context, messageReportAnswer(await useCases.messageReports.act(actor, intakeId, action, values)));
  });
}

/** A card answer continues the dialog with that card; words end it with a message. */
function dialogOf(context: TurnContext, answer: Answer): TaskModuleTaskInfo | string {
  const viewer = viewerOf(context);
  if ('message' in answer) return render(answer.message, viewer);
  return { title: render(REPORT_TITLE, viewer), width: 'medium', height: 'large', card: cardAttachment(answer.card, viewer) };
}

/** The message the action was chosen on: `value.messagePayload.body`, whatever Teams (or anyone) put there. */
function reportedMessageOf(context: TurnContext): ReportedMessage {
  const body = member(member(context.activity.value, 'messagePayload'), 'body');
  return { content: member(body, 'content'), contentType: member(body, 'contentType') };
}

function member(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out[name] = value;
  return out;
}
