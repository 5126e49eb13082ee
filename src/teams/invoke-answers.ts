import { ActivityTypes, INVOKE_RESPONSE_KEY, type Activity, type InvokeResponse, type Middleware, type TurnContext } from 'botbuilder';
import type { Text } from '../domain/text';
import { render } from './rendering';
import { FAILURE_MESSAGES, failureMessage } from './turn-failures';
import { viewerOf } from './viewer';

/**
 * Every invoke gets an invoke response. botbuilder answers 501 with an empty body when a turn ends
 * without one (CloudAdapterBase.processTurnResults), which Teams shows as an error: that happens when
 * no route matched (teams-ai's Application only answers the verbs registered with actionExecute),
 * when a handler or the state load threw (onTurnError runs, but sends nothing back), and when a
 * middleware stopped the turn. This middleware wraps the rest of the pipeline and answers whatever
 * happened, with a body of the shape the invoke's kind expects.
 *
 * Placed right after the turn logger: the tenant guard and the routes run inside it.
 */
export function answerEveryInvoke(): Middleware {
  return {
    async onTurn(context, next) {
      if (context.activity.type !== ActivityTypes.Invoke) return next();
      // teams-ai loads turn state from these ids and throws without them: answer before any storage read.
      if (!hasTurnIds(context.activity)) return answerInvoke(context, FAILURE_MESSAGES.damaged);
      try {
        await next();
      } catch (error) {
        // Answer in plain words, then let onTurnError log the failure.
        if (!isAnswered(context)) await answerInvoke(context, failureMessage(error));
        throw error;
      }
      if (!isAnswered(context)) await answerInvoke(context, FAILURE_MESSAGES.outOfDate);
    },
  };
}

/** Queues `words` (in the sender's language) as this invoke's response (botbuilder returns it as the HTTP answer to Teams). */
export async function answerInvoke(context: TurnContext, words: Text): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: invokeMessage(context.activity.name, render(words, viewerOf(context))),
  });
}

export function isAnswered(context: TurnContext): boolean {
  return context.turnState.get(INVOKE_RESPONSE_KEY) !== undefined;
}

/**
 * A plain message in the body each kind of invoke expects, always HTTP 200:
 * - `adaptiveCard/action` (Universal Actions, Action.Execute): an AdaptiveCardInvokeResponse with
 *   `statusCode` 200 and type `application/vnd.microsoft.activity.message`; Teams shows `value` and
 *   keeps the card (botframework-schema AdaptiveCardInvokeResponse; learn.microsoft.com "Universal
 *   Actions for Adaptive Cards", response format).
 * - dialogs (`task/fetch`, `task/submit`) and message-extension actions that open or submit one:
 *   a TaskModuleResponse `{ task: { type: 'message', value } }`; Teams shows `value` in a pop-up
 *   (TaskModuleMessageResponse; learn.microsoft.com "Use dialogs with bots").
 * - message-extension queries and the other `composeExtension/*` invokes: a MessagingExtensionResponse
 *   `{ composeExtension: { type: 'message', text } }` (MessagingExtensionResult).
 * - `application/search` (Input.ChoiceSet dynamic search): an empty search response.
 * - any other name, or none: the Universal Actions message shape, still 200.
 * The manifest declares one message extension command (routes/message-action-routes.ts); these shapes
 * answer its failures, and forged or stale invokes of any other kind.
 */
export function invokeMessage(name: string | undefined, text: string): InvokeResponse {
  const kind = (name !== undefined && INVOKE_KINDS.get(name)) || 'card-action';
  switch (kind) {
    case 'card-action':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
    case 'dialog':
      return { status: 200, body: { task: { type: 'message', value: text } } };
    case 'message-extension':
      return { status: 200, body: { composeExtension: { type: 'message', text } } };
    case 'search':
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results: [] } } };
  }
}

type InvokeKind = 'card-action' | 'dialog' | 'message-extension' | 'search';

const INVOKE_KINDS: ReadonlyMap<string, InvokeKind> = new Map([
  ['adaptiveCard/action', 'card-action'],
  ['task/fetch', 'dialog'],
  ['task/submit', 'dialog'],
  ['composeExtension/fetchTask', 'dialog'],
  ['composeExtension/submitAction', 'dialog'],
  ['composeExtension/query', 'message-extension'],
  ['composeExtension/queryLink', 'message-extension'],
  ['composeExtension/anonymousQueryLink', 'message-extension'],
  ['composeExtension/selectItem', 'message-extension'],
  ['composeExtension/querySettingUrl', 'message-extension'],
  ['composeExtension/setting', 'message-extension'],
  ['composeExtension/onCardButtonClicked', 'message-extension'],
  ['application/search', 'search'],
]);

function hasTurnIds(activity: Partial<Activity>): boolean {
  return Boolean(activity.channelId && activity.from?.id && activity.recipient?.id && activity.conversation?.id);
}
