import { Application, TurnState } from '@microsoft/teams-ai';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

/** Sees whitespace-normalised text (../command-text.ts); the period's words are bounded here, before any pattern. */
const REPORT = /^report(?: (.{1,40}))?$/i;

/** "report", "report last 4 weeks" (help desk lead and admins, personal chat): the report card. */
export function registerReportRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const reports = useCases.reports;
  if (!reports) return;
  app.message(REPORT, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!reports.canRead(actor.aadObjectId)) return void (await sendAnswer(context, messageAnswer(text('reports.readersOnly'))));
    if (!isPersonalChat(context)) return void (await sendAnswer(context, messageAnswer(text('reports.personalChatOnly'))));
    const words = REPORT.exec((context.activity.text ?? '').trim().replace(/\s+/g, ' '))?.[1] ?? '';
    await sendAnswer(context, await reports.report(actor.aadObjectId, words));
  });
}
