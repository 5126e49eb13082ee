/**
 * One helper for card buttons (Action.Execute). It does what every handler needs before its use
 * case: the caller's identity from the signed activity, the card data parsed with a zod schema (card
 * data is untrusted: ids and capped inputs only), the verb looked up (own keys only: "toString" finds
 * nothing), the activity's key for redeliveries, and the viewer's language; then it renders the
 * handler's `Answer` in that language. A new handler is its verbs, its schema and a few lines.
 * Failures thrown by the handler are answered by answerEveryInvoke (invoke-answers.ts).
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { ActivityRef } from '../domain/activity-ref';
import type { PersonRef } from '../domain/history';
import { text, type Text } from '../domain/text';
import type { Viewer } from '../i18n/locales';
import type { Answer } from '../presentation/answer';
import type { Verb } from '../presentation/cards';
import { activityRefOf } from './activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from './actor';
import { render, renderAnswer } from './rendering';
import { viewerOf } from './viewer';

export interface CardActionInput<V extends Verb, D> {
  readonly verb: V;
  readonly actor: PersonRef;
  readonly data: D;
  readonly activity: ActivityRef | undefined;
  readonly viewer: Viewer;
  /** The turn, for what only Teams knows (the team roster). */
  readonly context: TurnContext;
}

export interface CardAction<V extends Verb, S extends z.ZodTypeAny> {
  readonly verbs: readonly V[];
  readonly data: S;
  /** What the person is told when the card data does not parse (an old or damaged card). */
  readonly damaged?: Text;
  readonly handle: (input: CardActionInput<V, z.infer<S>>) => Promise<Answer>;
}

export function cardAction<TState extends TurnState, V extends Verb, S extends z.ZodTypeAny>(
  app: Application<TState>,
  action: CardAction<V, S>,
): void {
  const verbs: ReadonlySet<string> = new Set(action.verbs);
  app.adaptiveCards.actionExecute([...action.verbs], async (context, _state, value) => {
    const viewer = viewerOf(context);
    const actor = actorOf(context);
    if (!actor) return render(NO_IDENTITY_MESSAGE, viewer);
    const parsed = action.data.safeParse(value);
    if (!parsed.success) return render(action.damaged ?? text('messages.common.damagedCard'), viewer);
    const verb = verbOf(context);
    if (!verbs.has(verb)) return render(text('messages.common.unknownButton'), viewer);
    const answer = await action.handle({ verb: verb as V, actor, data: parsed.data, activity: activityRefOf(context), viewer, context });
    return renderAnswer(answer, viewer);
  });
}

function verbOf(context: TurnContext): string {
  const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : '';
}

/** Sends an answer as a new message in the conversation, in the turn's language (viewer.ts) unless told otherwise. */
export async function sendAnswer(context: TurnContext, answer: Answer, viewer: Viewer = viewerOf(context)): Promise<void> {
  const rendered = renderAnswer(answer, viewer);
  await context.sendActivity(
    typeof rendered === 'string'
      ? rendered
      : { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: rendered }] },
  );
}
