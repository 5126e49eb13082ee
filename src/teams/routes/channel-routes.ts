import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import type { ChannelRole } from '../../domain/ports/channels';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import { channelRegisteredCard } from '../../presentation/channel-cards';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import type { UseCases } from '../use-cases';

/** Sees whitespace-normalised text (../command-text.ts): single spaces, none at the ends. */
const REGISTER = /^register (help ?desk|dedicated team|power platform team|global admins?)[ .!]*$/i;

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** "register help desk" / "register dedicated team", said to the bot (mentioned) in a team channel by an admin. */
export function registerChannelRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.message(REGISTER, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const which = REGISTER.exec(context.activity.text ?? '')?.[1]?.toLowerCase() ?? '';
    const role: ChannelRole = which.startsWith('help') ? 'help-desk' : which.startsWith('global') ? 'global-admins' : 'dedicated-team';
    const channelData = (context.activity.channelData ?? {}) as TeamsChannelData;
    const inChannel = context.activity.conversation?.conversationType === 'channel';
    const result = await useCases.channels.register(actor, role, {
      teamId: inChannel ? channelData.team?.id : undefined,
      channelId: inChannel ? channelData.channel?.id : undefined,
      channelName: channelData.channel?.name,
      conversationReference: channelReference(context),
    });
    if (result.kind === 'refused') return void (await sendAnswer(context, messageAnswer(result.reason)));
    await sendAnswer(context, cardAnswer(channelRegisteredCard(result.registration, result.moved)));
  });
}

/** The channel's conversation reference, as plain JSON (posts go to the channel, not the thread). */
function channelReference(context: TurnContext): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
  const conversation = { ...(reference.conversation as Record<string, unknown>) };
  // A message in a thread carries ";messageid=…" in the conversation id: keep the channel's id.
  if (typeof conversation.id === 'string') conversation.id = conversation.id.split(';')[0];
  return JSON.parse(JSON.stringify({ ...reference, conversation, activityId: undefined }));
}
