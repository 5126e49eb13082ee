import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import type { ChannelSettings } from '../../domain/ports/channels';
import { parseQueueScope } from '../../domain/queues/queue-scope-text';
import { text } from '../../domain/text';
import { canonicalTimeZone, DEFAULT_VIEWER, supportedLocale } from '../../i18n/locales';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import { queueRegisteredCard } from '../../presentation/queue-cards';
import type { HelpDeskQueueService } from '../../services/channels/help-desk-queue-service';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import type { ChannelViewers } from '../channel-viewers';
import { viewerOfRegistration } from '../channel-viewers';

/**
 * Sees whitespace-normalised text (../command-text.ts). "register help desk for Finance",
 * "register help desk categories access, connector fr Europe/Paris", "unregister help desk for
 * Finance". Bounded, and one pass: the scope is read by parseQueueScope, not by the pattern.
 */
const QUEUE = /^(un)?register help ?desk ((?:for|categor(?:y|ies)) [^\n]{1,600})$/i;

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string; name?: string };
}

/** Named help desk queues (per business unit or request categories); registered before channel-routes.ts. */
export function registerHelpDeskQueueRoutes<TState extends TurnState>(
  app: Application<TState>,
  queues: HelpDeskQueueService | undefined,
  channelViewers?: Pick<ChannelViewers, 'forget'>,
): void {
  if (!queues) return;
  app.message(QUEUE, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const match = QUEUE.exec(context.activity.text ?? '');
    const { scope, settings } = splitSettings(match?.[2] ?? '');
    const parsed = parseQueueScope(scope);
    if (match?.[1]) {
      const result = await queues.unregister(actor, parsed);
      channelViewers?.forget();
      const answer =
        result.kind === 'removed'
          ? text('queues.unregister.done', { queue: result.queue })
          : result.kind === 'refused'
            ? result.reason
            : undefined;
      return void (await sendAnswer(context, messageAnswer(answer ?? text('queues.unregister.none'))));
    }
    const channelData = (context.activity.channelData ?? {}) as TeamsChannelData;
    const inChannel = context.activity.conversation?.conversationType === 'channel';
    const result = await queues.register(
      actor,
      parsed,
      {
        teamId: inChannel ? channelData.team?.id : undefined,
        channelId: inChannel ? channelData.channel?.id : undefined,
        channelName: channelData.channel?.name,
        conversationReference: channelReference(context),
      },
      settings,
    );
    if (result.kind !== 'registered')
      return void (await sendAnswer(context, messageAnswer(result.kind === 'refused' ? result.reason : text('queues.unregister.none'))));
    channelViewers?.forget();
    await sendAnswer(
      context,
      cardAnswer(queueRegisteredCard(result.registration, result.moved)),
      viewerOfRegistration(result.registration),
    );
  });
}

/** Up to two last words that are a language the bot speaks or an IANA zone are the channel's settings. */
function splitSettings(words: string): { scope: string; settings: ChannelSettings } {
  const parts = words.split(' ');
  let locale: string = DEFAULT_VIEWER.locale;
  let timeZone = DEFAULT_VIEWER.timeZone;
  for (let i = 0; i < 2 && parts.length > 2; i++) {
    const last = parts[parts.length - 1];
    const language = supportedLocale(last);
    const zone = language ? undefined : last.includes('/') || last.toUpperCase() === 'UTC' ? canonicalTimeZone(last) : undefined;
    if (language) locale = language;
    else if (zone) timeZone = zone;
    else break;
    parts.pop();
  }
  return { scope: parts.join(' '), settings: { locale, timeZone } };
}

/** The channel's conversation reference, as plain JSON (posts go to the channel, not the thread). */
function channelReference(context: TurnContext): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
  const conversation = { ...(reference.conversation as Record<string, unknown>) };
  if (typeof conversation.id === 'string') conversation.id = conversation.id.split(';')[0];
  return JSON.parse(JSON.stringify({ ...reference, conversation, activityId: undefined }));
}
