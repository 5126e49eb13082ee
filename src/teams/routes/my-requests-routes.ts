/**
 * "my requests": the message shows the newest page; Next / Previous and Open are card buttons.
 * The card data is untrusted: a continuation must look like one (a position in an index, checked
 * here) and is only ever read inside the caller's own index; an opened request is shown only if
 * storage says the caller asked for it (services/intake/my-requests.ts).
 */
import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { PersonRef } from '../../domain/history';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import {
  FIRST_PAGE,
  myRequestCard,
  myRequestsCard,
  TRAIL_LIMIT,
  TRAIL_SEPARATOR,
  type PagePosition,
} from '../../presentation/my-requests-cards';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import type { commandIs } from '../commands';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

/** `{inverted time}|{request id}`, or empty for the newest page (storage/cases/requester-index-rows.ts). */
const continuation = z.string().regex(/^(\d{13}\|[0-9A-Za-z-]{1,64})?$/);
const pageData = z
  .object({ after: continuation, trail: z.string().max(TRAIL_LIMIT * 80) })
  .transform(({ after, trail }) => ({ after, trail: trail === '' ? [] : trail.split(TRAIL_SEPARATOR) }))
  .pipe(z.object({ after: continuation, trail: z.array(continuation.min(1)).max(TRAIL_LIMIT) }));
const openData = z.object({ requestId: z.string().min(1).max(64) });

export function registerMyRequestsRoutes<TState extends TurnState>(
  app: Application<TState>,
  useCases: UseCases,
  command: ReturnType<typeof commandIs>,
): void {
  const page = async (actor: PersonRef, position: PagePosition): Promise<Answer> => {
    const found = await useCases.intake.myRequestsPage(actor, position.after === '' ? undefined : position.after);
    const tickets = await useCases.tickets.statusesOf(found.requests.filter((r) => r.ticketNumber).map((r) => r.id));
    return cardAnswer(myRequestsCard(found.requests, tickets, position, found.next));
  };

  app.message(command, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!isPersonalChat(context)) return void (await sendAnswer(context, messageAnswer(text('messages.intake.myRequestsInPersonalChat'))));
    await sendAnswer(context, await page(actor, FIRST_PAGE));
  });

  cardAction(app, {
    verbs: ['requests.page'],
    data: pageData,
    damaged: text('followup.myRequests.outOfDate'),
    handle: ({ actor, data }) => page(actor, data),
  });

  cardAction(app, {
    verbs: ['requests.open'],
    data: openData,
    damaged: text('followup.myRequests.outOfDate'),
    handle: async ({ actor, data }) => {
      const opened = await useCases.intake.openMyRequest(actor, data.requestId);
      if (opened.kind === 'not-found') return messageAnswer(text('followup.myRequests.notFound'));
      const tickets = opened.request.ticketNumber ? await useCases.tickets.statusesOf([opened.request.id]) : undefined;
      return cardAnswer(myRequestCard(opened.request, opened.history, tickets));
    },
  });
}
