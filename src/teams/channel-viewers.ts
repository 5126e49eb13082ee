import type { ChannelRegistration, ChannelRegistry, ChannelRole } from '../domain/ports/channels';
import { DEFAULT_VIEWER, supportedLocale, timeZoneOf, type Viewer } from '../i18n/locales';

const ROLES: readonly ChannelRole[] = ['help-desk', 'dedicated-team'];

/** How long a registration read is trusted: another instance's new registration shows within this. */
const TTL_MS = 60_000;

/**
 * The language and time zone of each registered channel's cards (set at registration), for what the
 * outbox posts there and for answers given in the channel. The two registrations are cached briefly
 * in-process, so a turn in a channel costs no table call; this instance's own registration refreshes
 * them at once (`forget`).
 */
export class ChannelViewers {
  private cached?: { readonly at: number; readonly registrations: ReadonlyMap<ChannelRole, ChannelRegistration | undefined> };

  constructor(
    private readonly registry: Pick<ChannelRegistry, 'getChannel'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The viewer of the channel registered for `role` (en / UTC when none is, or it set none). */
  async ofRole(role: ChannelRole): Promise<Viewer> {
    return viewerOfRegistration((await this.registrations()).get(role));
  }

  /** The viewer of the Teams channel with this id, when it is a registered one. */
  async ofChannel(channelId: string): Promise<Viewer | undefined> {
    for (const registration of (await this.registrations()).values()) {
      if (registration && registration.channelId === channelId) return viewerOfRegistration(registration);
    }
    return undefined;
  }

  forget(): void {
    this.cached = undefined;
  }

  private async registrations(): Promise<ReadonlyMap<ChannelRole, ChannelRegistration | undefined>> {
    const cached = this.cached;
    if (cached && this.now() - cached.at < TTL_MS) return cached.registrations;
    const read = await Promise.all(ROLES.map((role) => this.registry.getChannel(role)));
    const registrations = new Map(ROLES.map((role, i) => [role, read[i]] as const));
    this.cached = { at: this.now(), registrations };
    return registrations;
  }
}

export function viewerOfRegistration(registration: Pick<ChannelRegistration, 'settings'> | undefined): Viewer {
  const settings = registration?.settings;
  if (!settings) return DEFAULT_VIEWER;
  return { locale: supportedLocale(settings.locale) ?? DEFAULT_VIEWER.locale, timeZone: timeZoneOf(settings.timeZone) };
}
