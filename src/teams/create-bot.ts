import { Application, TurnState } from '@microsoft/teams-ai';
import { Request, Response, TurnContext } from 'botbuilder';
import { AppConfig } from '../config/app-config';
import { Logger } from '../logging/logger';
import { commandText } from './command-text';
import { AuthOverrides, createAdapter } from './create-adapter';
import { registerRoutes } from './routes';
import type { UseCases } from './use-cases';
import { type ConversationMemory, rememberConversations } from './proactive/remember-conversations';
import type { EndpointDirectory, EndpointMemory } from '../domain/ports/endpoints';
import { type ProactiveDirectory, TeamsMessageSender, type TeamsSenderOptions } from './proactive/teams-message-sender';
import type { MessageSender } from '../domain/ports/outbox';
import { answerEveryInvoke, answerInvoke, isAnswered } from './invoke-answers';
import { tenantGuard } from './tenant-guard';
import { failureMessage } from './turn-failures';
import { render } from './rendering';
import { viewerOf } from './viewer';
import type { ActivityGate } from '../services/activities/activity-gate';
import { oncePerActivity } from './once-per-activity';
import { logTurns } from './turn-logger';
import type { ProfileMemory } from '../services/people/profile-memory';
import { ChannelViewers } from './channel-viewers';
import { viewerMemory } from './viewer-memory';

export interface BotDependencies {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly useCases: UseCases;
  /** Handles a redelivered message once (see once-per-activity.ts); without it every delivery is handled. */
  readonly activities?: ActivityGate;
  /** Test-only: see AuthOverrides (startBot refuses them in production). */
  readonly authOverrides?: AuthOverrides;
  /**
   * Each person's remembered language and time zone: answers fill in what an activity leaves out,
   * proactive messages are rendered in the recipient's (with `proactive`, channels' too).
   */
  readonly profiles?: ProfileMemory;
  /** Proactive messages: where people and channels are reached; enables `Bot.messageSender`. */
  readonly proactive?: {
    readonly conversations: ProactiveDirectory & ConversationMemory;
    readonly endpoints: EndpointDirectory & EndpointMemory;
    readonly options: Omit<TeamsSenderOptions, 'botAppId'>;
  };
}

/** What the HTTP layer sees of the bot: one function per incoming request. */
export interface Bot {
  process(req: Request, res: Response): Promise<void>;
  /** Delivers outbox messages through this bot's adapter (when `proactive` was given). */
  readonly messageSender?: MessageSender;
}

export function createBot(deps: BotDependencies): Bot {
  const adapter = createAdapter(deps.config.bot, deps.logger, deps.authOverrides);
  adapter.use(logTurns(deps.logger));
  adapter.use(answerEveryInvoke());
  adapter.use(tenantGuard(deps.config.tenants, deps.logger));
  if (deps.proactive) adapter.use(rememberConversations(deps.proactive.conversations, deps.proactive.endpoints, deps.logger));
  const channelViewers = deps.proactive ? new ChannelViewers(deps.proactive.conversations) : undefined;
  if (deps.profiles && channelViewers) adapter.use(viewerMemory(deps.profiles, channelViewers, deps.logger));
  if (deps.activities) adapter.use(oncePerActivity(deps.activities, deps.logger));
  adapter.use(commandText(deps.logger));
  adapter.onTurnError = (context, error) => onTurnError(context, error, deps.logger);

  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.bot.mode === 'authenticated' ? deps.config.bot.appId : '',
    // No turn-state storage: every handler keeps what it needs in the product's own tables (drafts,
    // requests, tickets), read once where used. With a storage, teams-ai reads the conversation and
    // user state on every turn (two table calls, usually 404s) that nothing here ever reads or writes.
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  const botAppId = deps.config.bot.mode === 'authenticated' ? deps.config.bot.appId : '';
  registerRoutes(app, deps.useCases, { channelViewers, botAppId });

  const p = deps.proactive;
  return {
    process: (req, res) => adapter.process(req, res, (context) => app.run(context).then(() => undefined)),
    ...(p
      ? {
          messageSender: new TeamsMessageSender(adapter, p.conversations, p.endpoints, {
            ...p.options,
            botAppId,
            ...(deps.profiles && channelViewers ? { viewers: { profiles: deps.profiles, channels: channelViewers } } : {}),
          }),
        }
      : {}),
  };
}

/**
 * Last resort for a failed turn: log it, and tell the person in plain words. An invoke was normally
 * answered already by answerEveryInvoke; one that failed before reaching it is answered here.
 */
async function onTurnError(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const activity = context.activity;
  logger.error({ err: error, activityId: activity.id, conversationId: activity.conversation?.id }, 'turn failed');
  try {
    if (activity.type === 'invoke') {
      if (!isAnswered(context)) await answerInvoke(context, failureMessage(error));
      return;
    }
    await context.sendActivity(render(failureMessage(error), viewerOf(context)));
  } catch (sendError) {
    logger.error({ err: sendError, activityId: activity.id }, 'could not tell the user about the failed turn');
  }
}
