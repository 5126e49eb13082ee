/**
 * Where a solution's team supports it, as an address the bot can post to: the catalog's support
 * channel when it is a Teams channel link (`https://teams.microsoft.com/l/channel/<id>/<name>?groupId=…`,
 * "Copy link to channel" in Teams). A channel given by name only is shown to people but is no address.
 */
export interface TeamChannel {
  /** `19:…@thread.tacv2` */
  readonly channelId: string;
  /** The team's group id, when the link has it. */
  readonly teamId?: string;
}

/** Longer than any channel link: not parsed at all. */
const MAX_LINK = 500;
const CHANNEL_ID = /^19:[A-Za-z0-9_.=-]{1,200}@thread\.[a-z0-9]{1,20}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function teamChannelOf(supportChannel: string | undefined): TeamChannel | undefined {
  if (supportChannel === undefined || supportChannel.length > MAX_LINK) return undefined;
  let url: URL;
  try {
    url = new URL(supportChannel.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'teams.microsoft.com') return undefined;
  const [, l, channel, encoded] = url.pathname.split('/');
  if (l !== 'l' || channel !== 'channel' || !encoded) return undefined;
  let channelId: string;
  try {
    channelId = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (!CHANNEL_ID.test(channelId)) return undefined;
  const teamId = url.searchParams.get('groupId') ?? '';
  return GUID.test(teamId) ? { channelId, teamId: teamId.toLowerCase() } : { channelId };
}
