import { Application, TurnState } from '@microsoft/teams-ai';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import { outboxStatusCard } from '../../presentation/admin-cards';
import { commandIs } from '../commands';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

/** "outbox status" in any of the bot's languages (locales/<lng>/admin.json → commands). */
const OUTBOX_STATUS = commandIs('outboxStatus');

/** "outbox status" (admins only): deliveries stuck in the outbox, those that failed for good, and those whose outcome is uncertain. */
export function registerOutboxAdminRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.message(OUTBOX_STATUS, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!useCases.outbox.isAdmin(actor.aadObjectId))
      return void (await sendAnswer(context, messageAnswer(text('messages.outbox.adminsOnly'))));
    if (!isPersonalChat(context)) return void (await sendAnswer(context, messageAnswer(text('messages.outbox.personalChatOnly'))));
    const [stuck, failed, uncertain, health] = await Promise.all([
      useCases.outbox.stuck(),
      useCases.outbox.failed(),
      useCases.outbox.uncertain(),
      useCases.outbox.health(),
    ]);
    await sendAnswer(context, cardAnswer(outboxStatusCard(health, stuck, failed, uncertain)));
  });
}
