import type { ChannelRegistration, ChannelRegistry, ChannelRole } from '../domain/ports/channels';
import type { HelpDeskQueueRegistry } from '../domain/ports/help-desk-queues';
import { DEFAULT_HELP_DESK_QUEUE, type QueueId } from '../domain/queues/queue';
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
  private cached?: { readonly at: number; readonly registrations: ReadonlyMap<string, ChannelRegistration | undefined> };

  constructor(
    private readonly registry: Pick<ChannelRegistry, 'getChannel'> & Partial<HelpDeskQueueRegistry>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The viewer of the channel registered for `role` or a named help desk queue (en / UTC when none
   * is, or it set none); a named queue no longer registered posts in the default help desk's channel.
   */
  async ofRole(role: ChannelRole | QueueId): Promise<Viewer> {
    const registrations = await this.registrations();
    return viewerOfRegistration(
      registrations.get(role) ?? (role.startsWith('help-desk:') ? registrations.get(DEFAULT_HELP_DESK_QUEUE) : undefined),
    );
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

  private async registrations(): Promise<ReadonlyMap<string, ChannelRegistration | undefined>> {
    const cached = this.cached;
    if (cached && this.now() - cached.at < TTL_MS) return cached.registrations;
    const [read, named] = await Promise.all([
      Promise.all(ROLES.map((role) => this.registry.getChannel(role))),
      this.registry.listHelpDeskChannels?.() ?? [],
    ]);
    const registrations = new Map<string, ChannelRegistration | undefined>(ROLES.map((role, i) => [role, read[i]] as const));
    for (const registration of named) if (registration.queue !== undefined) registrations.set(registration.queue, registration);
    this.cached = { at: this.now(), registrations };
    return registrations;
  }
}

export function viewerOfRegistration(registration: Pick<ChannelRegistration, 'settings'> | undefined): Viewer {
  const settings = registration?.settings;
  if (!settings) return DEFAULT_VIEWER;
  return { locale: supportedLocale(settings.locale) ?? DEFAULT_VIEWER.locale, timeZone: timeZoneOf(settings.timeZone) };
}
