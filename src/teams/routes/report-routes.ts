import { Application, TurnState } from '@microsoft/teams-ai';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import { commandIs, commandMatch, commandsOf } from '../commands';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

/**
 * "report", "report last 4 weeks", "rapport 4 dernières semaines", "보고서 최근 3개월" (help desk lead
 * and admins, personal chat): the report card. Words after "report" that name no period ("report a
 * bug in my app") are someone's problem, not a command, unless a report reader typed them: they
 * are told which periods they can ask for.
 */
export function registerReportRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const reports = useCases.reports;
  if (!reports) return;
  const asked = commandIs('report', (context, match) => {
    const words = match.argument ?? '';
    // "report a problem" is "new request" before it is a report with a period nobody understands.
    if (commandsOf(context).some((other) => other.name !== 'report')) return false;
    return words === '' || reports.understands(words) || reports.canRead(context.activity.from?.aadObjectId ?? '');
  });
  app.message(asked, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!reports.canRead(actor.aadObjectId)) return void (await sendAnswer(context, messageAnswer(text('reports.readersOnly'))));
    if (!isPersonalChat(context)) return void (await sendAnswer(context, messageAnswer(text('reports.personalChatOnly'))));
    const words = commandMatch(context, 'report')?.argument ?? '';
    await sendAnswer(context, await reports.report(actor.aadObjectId, words));
  });
}
