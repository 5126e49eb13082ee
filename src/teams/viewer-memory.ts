import type { Middleware, TurnContext } from 'botbuilder';
import { DEFAULT_VIEWER, supportedLocale, timeZoneOf, type Viewer } from '../i18n/locales';
import type { ProfileMemory } from '../services/people/profile-memory';
import { actorOf } from './actor';
import type { ChannelViewers } from './channel-viewers';
import { activityHint, VIEWER_KEY, type ActivityHint } from './viewer';

interface Log {
  warn(details: object, message: string): void;
}

/**
 * Works out whose language and clock this turn answers in, before any route renders a word
 * (`viewerOf` then reads it), and remembers the sender's for what the bot sends them later:
 * - the sender's locale and time zone from the activity (viewer.ts), parts it leaves out (an invoke
 *   without clientInfo) from what was remembered for them, then English / UTC;
 * - in a registered channel, the channel's language and zone, since everyone there reads the answer.
 * Remembering writes only what changed (ProfileMemory caches what storage holds: a turn that says
 * nothing new costs no table call). A failure to read or remember never fails the turn.
 */
export function viewerMemory(profiles: ProfileMemory, channels: ChannelViewers, log: Log): Middleware {
  return {
    async onTurn(context, next) {
      const activity = context.activity;
      // Our own proactive turns (continue / create conversation) say nothing about anyone.
      if (activity.type === 'event' && (activity.name === 'ContinueConversation' || activity.name === 'CreateConversation')) return next();
      const hint = activityHint(activity);
      const person = actorOf(context)?.aadObjectId;
      let remembering: Promise<unknown> | undefined;
      let viewer = viewerFrom(hint);
      if (person) {
        const remember = profiles.remember(person, hint).catch((error: unknown) => {
          log.warn({ err: error, activityId: activity.id }, 'could not remember the sender’s language and time zone');
          return undefined;
        });
        // A complete hint is the answer; otherwise wait for what was remembered (cached after the first turn).
        if (hint.locale && hint.timeZone) remembering = remember;
        else {
          const profile = await remember;
          if (profile)
            viewer = { locale: supportedLocale(profile.locale) ?? DEFAULT_VIEWER.locale, timeZone: timeZoneOf(profile.timeZone) };
        }
      }
      const channel = await channelViewer(context, channels, log);
      context.turnState.set(VIEWER_KEY, channel ?? viewer);
      await next();
      await remembering;
    },
  };
}

function viewerFrom(hint: ActivityHint): Viewer {
  return { locale: hint.locale ?? DEFAULT_VIEWER.locale, timeZone: hint.timeZone ?? DEFAULT_VIEWER.timeZone };
}

async function channelViewer(context: TurnContext, channels: ChannelViewers, log: Log): Promise<Viewer | undefined> {
  if (context.activity.conversation?.conversationType !== 'channel') return undefined;
  const channelId = (context.activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  if (typeof channelId !== 'string' || channelId === '') return undefined;
  try {
    return await channels.ofChannel(channelId);
  } catch (error) {
    log.warn({ err: error, activityId: context.activity.id }, 'could not read the channel’s language: answering in the sender’s');
    return undefined;
  }
}
