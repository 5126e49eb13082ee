import { BOT, envelope, TEST_TENANT, TestUser } from './activities';

/** A team with a channel, as Teams names them in channelData. */
export interface TestChannel {
  readonly teamId: string;
  readonly channelId: string;
  readonly channelName: string;
}

export function channel(name: string, teamKey: string): TestChannel {
  return {
    teamId: `19:team-${teamKey}@thread.tacv2`,
    channelId: `19:${name.replace(/\W+/g, '-').toLowerCase()}-${teamKey}@thread.tacv2`,
    channelName: name,
  };
}

interface ChannelBase {
  serviceUrl: string;
  from: TestUser;
  channel: TestChannel;
  tenantId?: string;
}

function common({ serviceUrl, from, channel: ch, tenantId = TEST_TENANT }: ChannelBase) {
  return envelope(
    serviceUrl,
    from,
    tenantId,
    { id: ch.channelId, conversationType: 'channel', isGroup: true },
    { team: { id: ch.teamId, name: 'Team' }, channel: { id: ch.channelId, name: ch.channelName } },
  );
}

/** A channel message that @mentions the bot, as Teams sends it (the mention is in text and entities). */
export function channelMention(text: string, base: ChannelBase) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...common(base),
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
  };
}

/** An Action.Execute press on a card posted in a channel. */
export function channelActionExecute(verb: string, data: Record<string, unknown>, base: ChannelBase & { replyToId?: string }) {
  return {
    ...common(base),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: base.replyToId ?? 'ticket-card-activity',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
