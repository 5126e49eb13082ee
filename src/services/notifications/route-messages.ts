/**
 * The outbox messages a route causes: the maker's card, the co-owners' pings, the help desk's and the
 * dedicated team's notices. The caller writes them in the same transaction as the request (at intake,
 * or when a request moves on), so nothing is lost between "saved" and "sent". The cards come from
 * src/presentation/request-cards.ts.
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import type { OutboxMessage, OutboxPurpose, OutboxTarget } from '../../domain/outbox-message';
import type { Route } from '../../domain/routing';
import type { CardRef } from '../../presentation/cards';
import { teamChannelOf } from '../../domain/notifications/team-channel';
import { coOwnerCard, makerCard, requestNotice, type HandOff } from '../../presentation/request-cards';
import { mayAskGraduation } from '../../domain/governance/graduation-request';
import { graduationFormCard } from '../../presentation/governance-cards';

/**
 * One outbox message. Ids are deterministic (planning the same change twice yields the same ids, and
 * delivery is idempotent on them); `suffix` tells apart the messages of later changes to the request.
 */
export function message(
  request: SupportRequest,
  purpose: OutboxPurpose,
  target: OutboxTarget,
  card: CardRef,
  suffix?: string,
): OutboxMessage {
  const recipient =
    target.kind === 'user'
      ? target.aadObjectId
      : target.kind === 'channel'
        ? target.channel
        : target.kind === 'team-channel'
          ? 'support-channel'
          : target.messageId;
  return {
    id: `${request.id}.${purpose}.${recipient}${suffix ? `.${suffix}` : ''}`,
    requestId: request.id,
    purpose,
    target,
    card,
    createdAt: suffix ? request.updatedAt : request.createdAt,
  };
}

const HELP_DESK = { kind: 'channel', channel: 'help-desk' } as const;
const DEDICATED_TEAM = { kind: 'channel', channel: 'dedicated-team' } as const;

/**
 * The outbox messages a route causes; `suffix` for a route taken after submission (a fallback), and
 * `handOff` for who moved it on (shown on the new holders' cards).
 */
export function planRoute(request: SupportRequest, route: Route, suffix?: string, handOff?: HandOff): OutboxMessage[] {
  switch (route.kind) {
    case 'maker': {
      const to = { kind: 'user', aadObjectId: route.maker.aadObjectId, displayName: route.maker.displayName } as const;
      return [message(request, 'maker-notification', to, makerCard(request, '', handOff), suffix)];
    }
    case 'co-owners': {
      // Team-assisted support works in the team's own channel: the same ping, with its Claim button, is posted there too.
      const channel = teamChannelOf(request.solution?.supportChannel);
      return [
        ...route.coOwners.map((p) =>
          message(
            request,
            'co-owner-ping',
            { kind: 'user', aadObjectId: p.aadObjectId, displayName: p.displayName },
            coOwnerCard(request, p.aadObjectId, '', handOff),
            suffix,
          ),
        ),
        ...(channel
          ? [
              message(
                request,
                'co-owner-ping',
                { kind: 'team-channel', ...channel, ...channelLocale(request) },
                coOwnerCard(request, '', '', handOff),
                suffix,
              ),
            ]
          : []),
      ];
    }
    case 'help-desk':
      return [
        message(request, 'help-desk-ticket', HELP_DESK, requestNotice(request, 'help-desk-ticket', handOff), suffix),
        // Sev A on a Critical solution: the dedicated team gets it at once, alongside the ticket.
        ...(route.handToDedicatedTeam
          ? [message(request, 'dedicated-team-handoff', DEDICATED_TEAM, requestNotice(request, 'dedicated-team-handoff', handOff), suffix)]
          : []),
      ];
    case 'dedicated-team':
      // "My solution needs more formal support" from its maker or a co-owner: they get the graduation
      // form, whose request the Power Platform team decides in its queue (governance).
      if (route.graduateTo && route.solution && mayAskGraduation(route.solution, request.requester.aadObjectId)) {
        const to = { kind: 'user', aadObjectId: request.requester.aadObjectId, displayName: request.requester.displayName } as const;
        return [message(request, 'requester-update', to, graduationFormCard(route.solution), suffix ?? 'graduation')];
      }
      return [
        message(request, 'dedicated-team-handoff', DEDICATED_TEAM, requestNotice(request, 'dedicated-team-handoff', handOff), suffix),
      ];
  }
}

/** A request handed on by the person who had it: the help desk's or the dedicated team's notice, carrying their note. */
export function handOffMessages(
  request: SupportRequest,
  to: 'help-desk' | 'dedicated-team',
  suffix: string,
  handOff: HandOff,
): OutboxMessage[] {
  return to === 'help-desk'
    ? [message(request, 'help-desk-ticket', HELP_DESK, requestNotice(request, 'help-desk-ticket', handOff), suffix)]
    : [message(request, 'dedicated-team-handoff', DEDICATED_TEAM, requestNotice(request, 'dedicated-team-handoff', handOff), suffix)];
}

/**
 * A solution's own channel has no language registered with the bot: its team is the maker's, so the
 * post is in the maker's language as the catalog knows it (CoE `admin_preferredlanguage`), else English.
 */
function channelLocale(request: SupportRequest): { locale?: string } {
  const language = request.solution?.maker.preferredLanguage;
  return language ? { locale: language } : {};
}
