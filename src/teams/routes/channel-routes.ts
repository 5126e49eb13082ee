import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import type { ChannelRole, ChannelSettings } from '../../domain/ports/channels';
import { text } from '../../domain/text';
import { canonicalTimeZone, DEFAULT_VIEWER, supportedLocale } from '../../i18n/locales';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import { channelRegisteredCard } from '../../presentation/channel-cards';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import type { UseCases } from '../use-cases';
import type { ChannelViewers } from '../channel-viewers';
import { viewerOfRegistration } from '../channel-viewers';

/**
 * Sees whitespace-normalised text (../command-text.ts): single spaces, none at the ends. After the
 * queue, optionally the language and the time zone of the channel's cards: "register help desk fr
 * Europe/Paris" (each a word without spaces or sentence punctuation, so the pattern stays linear).
 */
const REGISTER = /^register (help ?desk|dedicated team|power platform team|global admins?)((?: [^ .!]{1,64}){0,2})[ .!]*$/i;

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** "register help desk" / "register dedicated team", said to the bot (mentioned) in a team channel by an admin. */
export function registerChannelRoutes<TState extends TurnState>(
  app: Application<TState>,
  useCases: UseCases,
  channelViewers?: Pick<ChannelViewers, 'forget'>,
): void {
  app.message(REGISTER, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const match = REGISTER.exec(context.activity.text ?? '');
    const which = match?.[1]?.toLowerCase() ?? '';
    const role: ChannelRole = which.startsWith('help') ? 'help-desk' : which.startsWith('global') ? 'global-admins' : 'dedicated-team';
    const settings = settingsOf(match?.[2] ?? '');
    if ('unknown' in settings)
      return void (await sendAnswer(context, messageAnswer(text('messages.channels.unknownSetting', { value: settings.unknown }))));
    const channelData = (context.activity.channelData ?? {}) as TeamsChannelData;
    const inChannel = context.activity.conversation?.conversationType === 'channel';
    const result = await useCases.channels.register(
      actor,
      role,
      {
        teamId: inChannel ? channelData.team?.id : undefined,
        channelId: inChannel ? channelData.channel?.id : undefined,
        channelName: channelData.channel?.name,
        conversationReference: channelReference(context),
      },
      settings,
    );
    if (result.kind === 'refused') return void (await sendAnswer(context, messageAnswer(result.reason)));
    channelViewers?.forget();
    // Everyone in the channel reads it: in the channel's new language and zone.
    await sendAnswer(
      context,
      cardAnswer(channelRegisteredCard(result.registration, result.moved)),
      viewerOfRegistration(result.registration),
    );
  });
}

/** "fr Europe/Paris", "Asia/Seoul ko", "sv", "": a language the bot speaks and an IANA zone, each optional (en / UTC). */
function settingsOf(words: string): ChannelSettings | { readonly unknown: string } {
  let locale: string = DEFAULT_VIEWER.locale;
  let timeZone = DEFAULT_VIEWER.timeZone;
  for (const word of words.split(' ').filter((w) => w !== '')) {
    const language = supportedLocale(word);
    const zone = language ? undefined : canonicalTimeZone(word);
    if (language) locale = language;
    else if (zone) timeZone = zone;
    else return { unknown: word };
  }
  return { locale, timeZone };
}

/** The channel's conversation reference, as plain JSON (posts go to the channel, not the thread). */
function channelReference(context: TurnContext): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
  const conversation = { ...(reference.conversation as Record<string, unknown>) };
  // A message in a thread carries ";messageid=…" in the conversation id: keep the channel's id.
  if (typeof conversation.id === 'string') conversation.id = conversation.id.split(';')[0];
  return JSON.parse(JSON.stringify({ ...reference, conversation, activityId: undefined }));
}
