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
  'many-requests': 'governance.underSupported.reason.many-requests',
  'maker-timeouts': 'governance.underSupported.reason.maker-timeouts',
} as const satisfies Record<UnderSupportReason, MessageKey>;

/** The same reasons with the figure that reached its threshold. */
const FIGURE = {
  'highly-shared': 'governance.underSupported.figure.highly-shared',
  'highly-used': 'governance.underSupported.figure.highly-used',
  'many-requests': 'governance.underSupported.figure.many-requests',
  'maker-timeouts': 'governance.underSupported.figure.maker-timeouts',
} as const satisfies Partial<Record<UnderSupportReason, MessageKey>>;

/** A reason's line: with its figure, threshold and window when the notice recorded them. */
function reasonLine(notice: UnderSupportedNotice, r: UnderSupportReason): { line: Text } {
  const figure = notice.figures?.[r];
  const key = (FIGURE as Partial<Record<UnderSupportReason, MessageKey>>)[r];
  if (!figure || !key) return { line: text(REASON[r]) };
  const params = { value: figure.value, threshold: figure.threshold, days: notice.windowDays ?? 30, tier: tierLabel(notice.tier) };
  return { line: text(key, params) };
}

export function underSupportedNoticeCard(notice: UnderSupportedNotice): CardRef {
  const manager = notice.recipient?.role === 'manager';
  const params = { name: notice.solutionName, tier: tierLabel(notice.tier) };
  return {
    card: 'under-supported-notice',
    data: {
      heading: text('governance.underSupported.heading', { name: notice.solutionName }),
      intro: text(manager ? 'governance.underSupported.managerIntro' : 'governance.underSupported.makerIntro', params),
      reasons: notice.reasons.map((r) => reasonLine(notice, r)),
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
        reasons: n.reasons.map((r) => reasonLine(n, r)),
        told: n.recipient
          ? text(n.recipient.role === 'maker' ? 'governance.underSupported.toldMaker' : 'governance.underSupported.toldManager', {
              name: n.recipient.displayName,
            })
          : text('governance.underSupported.toldNobody'),
      })),
    },
  };
}
