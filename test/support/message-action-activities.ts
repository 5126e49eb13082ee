import { randomUUID } from 'node:crypto';
import { ALEX, envelope, TEST_TENANT, type TestUser } from './activities';
import type { TestChannel } from './channel-activities';

/**
 * The invokes Teams sends for a message action (a compose extension action command with
 * `context: ["message"]`): `composeExtension/fetchTask` when someone chooses it on a message, and
 * `composeExtension/submitAction` when they press an Action.Submit button of the dialog it opened.
 * Both carry the message (`messagePayload`); the second also the dialog's inputs and button data.
 */
export interface Where {
  readonly serviceUrl: string;
  readonly from?: TestUser;
  readonly tenantId?: string;
  /** The message is in this team channel; a 1:1 chat with the bot otherwise. */
  readonly channel?: TestChannel;
}

export interface TeamsMessage {
  readonly content: unknown;
  readonly contentType?: unknown;
  readonly author?: string;
}

function conversation({ serviceUrl, from = ALEX, tenantId = TEST_TENANT, channel }: Where) {
  if (!channel) return envelope(serviceUrl, from, tenantId, { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal' });
  return envelope(
    serviceUrl,
    from,
    tenantId,
    { id: channel.channelId, conversationType: 'channel', isGroup: true },
    { team: { id: channel.teamId, name: 'Team' }, channel: { id: channel.channelId, name: channel.channelName } },
  );
}

/** `value.messagePayload` as Teams fills it for a message in a chat or channel. */
export function messagePayload(message: TeamsMessage) {
  return {
    id: String(Date.now()),
    replyToId: null,
    createdDateTime: '2026-11-20T09:58:00.000Z',
    importance: 'normal',
    locale: 'en-us',
    messageType: 'message',
    from: { user: { id: randomUUID(), displayName: message.author ?? 'Megan Bowen', userIdentityType: 'aadUser' } },
    body: { contentType: message.contentType ?? 'html', content: message.content },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

export function fetchTask(commandId: unknown, message: TeamsMessage, where: Where) {
  return {
    ...conversation(where),
    type: 'invoke',
    name: 'composeExtension/fetchTask',
    value: {
      commandId,
      commandContext: 'message',
      requestId: randomUUID(),
      context: { theme: 'default' },
      messagePayload: messagePayload(message),
    },
  };
}

export function submitAction(commandId: unknown, data: unknown, where: Where, message: TeamsMessage = { content: '' }) {
  return {
    ...conversation(where),
    type: 'invoke',
    name: 'composeExtension/submitAction',
    value: { commandId, commandContext: 'message', context: { theme: 'default' }, messagePayload: messagePayload(message), data },
  };
}
