import { Application, TurnState } from '@microsoft/teams-ai';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAttachment } from '../card-templates';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

/** Sees whitespace-normalised text (../command-text.ts). */
const OUTBOX_STATUS = /^outbox status[ .!?]*$/i;
const SHOWN = 15;

const MESSAGES = {
  adminsOnly: 'Only bot admins can see the outbox status.',
  personalChatOnly: 'I show the outbox status only in a 1:1 chat, because it names the people messages are for: send me "outbox status" there.',
} as const;

/** "outbox status" (admins only): deliveries stuck in the outbox, those that failed for good, and those whose outcome is uncertain. */
export function registerOutboxAdminRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.message(OUTBOX_STATUS, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await context.sendActivity(NO_IDENTITY_MESSAGE));
    if (!useCases.outbox.isAdmin(actor.aadObjectId)) return void (await context.sendActivity(MESSAGES.adminsOnly));
    if (!isPersonalChat(context)) return void (await context.sendActivity(MESSAGES.personalChatOnly));
    const [stuck, failed, uncertain, health] = await Promise.all([useCases.outbox.stuck(), useCases.outbox.failed(), useCases.outbox.uncertain(), useCases.outbox.health()]);
    await context.sendActivity({
      attachments: [
        cardAttachment('outbox-status', {
          pending: health.pending,
          oldestMinutes: Math.floor(health.oldestPendingMs / 60_000),
          stuckCount: stuck.length,
          failedCount: failed.length,
          uncertainCount: uncertain.length,
          stuck: stuck.slice(0, SHOWN).map((s) => ({ line: `${s.purpose} → ${s.target}: ${s.ageMinutes} min, ${s.attempts} attempts${s.lastError ? `, last: ${s.lastError}` : ''}` })),
          failed: failed.slice(0, SHOWN).map((f) => ({ line: `${f.purpose} → ${f.target}: ${f.reason} at ${f.failedAt} (${f.lastError})` })),
          uncertain: uncertain.slice(0, SHOWN).map((u) => ({ line: `${u.purpose} → ${u.target}: tried at ${u.attemptedAt}, no answer (message id ${u.messageId})` })),
        }),
      ],
    });
  });
}
