/**
 * The under-supported solutions cards: the DM to the maker (or manager) with what was noticed and
 * "Ask for more support", and the admins' list of the period's notices. Words are `Text` bound as data.
 */
import type { UnderSupportedNotice, UnderSupportReason } from '../domain/governance/under-supported';
import type { MessageKey } from '../domain/message-keys';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';
import { tierLabel } from './labels';

const REASON = {
  'highly-shared': 'governance.underSupported.reason.highly-shared',
  'highly-used': 'governance.underSupported.reason.highly-used',
  'no-active-maker': 'governance.underSupported.reason.no-active-maker',
  'no-co-owners': 'governance.underSupported.reason.no-co-owners',
} as const satisfies Record<UnderSupportReason, MessageKey>;

const reasonLabel = (r: UnderSupportReason): Text => text(REASON[r]);

export function underSupportedNoticeCard(notice: UnderSupportedNotice): CardRef {
  const manager = notice.recipient?.role === 'manager';
  const params = { name: notice.solutionName, tier: tierLabel(notice.tier) };
  return {
    card: 'under-supported-notice',
    data: {
      heading: text('governance.underSupported.heading', { name: notice.solutionName }),
      intro: text(manager ? 'governance.underSupported.managerIntro' : 'governance.underSupported.makerIntro', params),
      reasons: notice.reasons.map((r) => ({ line: reasonLabel(r) })),
      canAsk: !manager && notice.tier !== 'Critical',
      askLabel: text('governance.form.ask'),
      solutionId: notice.solutionId,
    },
  };
}

export function underSupportedListCard(period: string, notices: readonly UnderSupportedNotice[]): CardRef {
  return {
    card: 'under-supported-list',
    data: {
      heading: text('governance.underSupported.listHeading', { period }),
      none: notices.length === 0 ? text('governance.underSupported.listNone') : '',
      items: notices.map((n) => ({
        name: text('governance.underSupported.listName', { name: n.solutionName, tier: tierLabel(n.tier) }),
        reasons: n.reasons.map((r) => ({ line: reasonLabel(r) })),
        told: n.recipient
          ? text(n.recipient.role === 'maker' ? 'governance.underSupported.toldMaker' : 'governance.underSupported.toldManager', {
              name: n.recipient.displayName,
            })
          : text('governance.underSupported.toldNobody'),
      })),
    },
  };
}
