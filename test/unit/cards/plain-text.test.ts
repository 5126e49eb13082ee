import { newIntake, chooseCategory, chooseSolution, setDetails } from '../../../src/domain/intake/intake-draft';
import { referenceFor, snapshotOf, holderFor, type SupportRequest } from '../../../src/domain/intake/support-request';
import { explainRoute } from '../../../src/domain/route-explanation';
import { text } from '../../../src/domain/text';
import { everyoneReachable, routeRequest } from '../../../src/domain/routing';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { summaryOf } from '../../../src/domain/tickets/ticket-lists';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import type { Solution } from '../../../src/domain/solution';
import { requesterUpdate } from '../../../src/services/notifications/handling-messages';
import { planRoute } from '../../../src/services/notifications/route-messages';
import { channelRegisteredCard } from '../../../src/presentation/channel-cards';
import { mySolutionsCard, solutionSupportCard } from '../../../src/presentation/catalog-cards';
import { intakeCard } from '../../../src/presentation/intake-cards';
import { myRequestsCard } from '../../../src/presentation/my-requests-cards';
import { coOwnerCard, makerCard } from '../../../src/presentation/request-cards';
import { requesterCard, slaAlertCard, ticketCard, ticketListCard } from '../../../src/presentation/ticket-cards';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { renderCard, type AdaptiveCardJson } from '../../../src/teams/rendering';
import { escapeMarkdown } from '../../../src/teams/plain-text';
import { input } from '../../support/cards';
import { PEOPLE, SOLUTIONS } from '../../support/fixture-solutions';

describe('escapeMarkdown', () => {
  it.each([
    ['[Reset password](https://evil.example/reset)', '\\[Reset password\\](https\\://evil.example/reset)'],
    ['![logo](http://evil.example/a.png)', '!\\[logo\\](http\\://evil.example/a.png)'],
    ['[ref][1]\n\n[1]: https://evil.example', '\\[ref\\]\\[1\\]\n\n\\[1\\]: https\\://evil.example'],
    ['<https://evil.example>', '<https\\://evil.example>'],
    ['go to www.evil.example now', 'go to www\\.evil.example now'],
    ['write to ursula@contoso.example', 'write to ursula\\@contoso.example'],
    ['**urgent** and __very__', '\\*\\*urgent\\*\\* and \\_\\_very\\_\\_'],
    ['_italic_ ~~struck~~ `code`', '\\_italic\\_ \\~\\~struck\\~\\~ \\`code\\`'],
    ['# Heading\n## Sub', '\\# Heading\n\\## Sub'],
    ['> quoted\n>> nested', '\\> quoted\n\\>> nested'],
    ['- one\n+ two\n* three', '\\- one\n\\+ two\n\\* three'],
    ['1. first\n2) second\n   10. indented', '1\\. first\n2\\) second\n   10\\. indented'],
    ['Title\n===\n---', 'Title\n\\===\n\\---'],
    ['C:\\temp\\new \\*', 'C:\\\\temp\\\\new \\\\\\*'],
    ['R&D &lt;b&gt; &#91;', 'R\\&D \\&lt;b\\&gt; \\&#91;'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    'The monthly total ignores the last row.',
    'It costs 3.5 hours, 1 - 2 times a day (since Tuesday)!',
    'Sev A · HD-42 · 2026-11-20 14:30 UTC',
    '결제 화면이 멈춰요 😀 — ça ne marche plus',
    '${ticketId} ${string(1+1)}',
  ])('leaves text without Markdown as it is: %j', (text) => {
    expect(escapeMarkdown(text)).toBe(text);
  });
});

/** The text Adaptive Cards render as Markdown: TextBlock text, fact titles and values. */
function markdownFields(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'TextBlock') out.push(node.text);
    if (node.type === 'FactSet') for (const fact of node.facts ?? []) out.push(fact.title, fact.value);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

/** Markdown that would still take effect: an unescaped marker, bare link or line-start construct. */
function liveMarkdown(text: string): string[] {
  const bare = text.replace(/\\[\s\S]/g, '');
  return [...(bare.match(/[[\]*_~`]|[a-z]+:\/\/|www\.|\w@\w/gi) ?? []), ...(bare.match(/^[ \t]*(?:[#>+=-]|\d+[.)](?=\s|$))/gm) ?? [])];
}

/** Every URL in a card: OpenUrl targets, select actions, images. */
function urls(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const key of ['url', 'iconUrl', 'backgroundImage']) if (typeof node[key] === 'string') out.push(node[key]);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

const LINK = '[Reset password](https://evil.example/reset)';
/** Hostile user text: a link, emphasis, a bare URL and an address, Markdown line starts, a template expression. */
const HOSTILE = `${LINK} **now** _please_ see www.evil.example or mallory@evil.example\n# Heading\n1. step\n- item\n> quote \${requestId}`;
const NOW = new Date('2026-11-20T10:00:00Z');

const hostileSolution: Solution = {
  ...SOLUTIONS.expenses,
  name: `Expense ${LINK}`,
  workarounds: HOSTILE,
  maker: { ...PEOPLE.megan, displayName: `Megan ${LINK}` },
};
const hostilePerson = { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: `Alex ${LINK}` };

function hostileRequest(): SupportRequest {
  const id = '7abbe92b-0922-4154-ad38-075b9897e1d2';
  const route = routeRequest({
    category: 'solution-problem',
    impact: 'me',
    urgency: 'workaround',
    solution: hostileSolution,
    reachability: everyoneReachable(hostileSolution),
  });
  return {
    id,
    reference: referenceFor(id),
    requester: hostilePerson,
    category: 'solution-problem',
    solution: snapshotOf(hostileSolution),
    notInCatalog: false,
    details: { title: HOSTILE, description: HOSTILE, since: HOSTILE, impact: 'me', urgency: 'workaround' },
    severity: route.severity,
    routeKind: route.kind,
    routeReason: route.reason,
    handToDedicatedTeam: false,
    holder: holderFor(route),
    explanation: explainRoute(route),
    status: 'open',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

function hostileCards(): Array<[string, AdaptiveCardJson]> {
  const request = hostileRequest();
  const opened = openTicketFor({ ...request, ticketNumber: formatTicketNumber(42) }, formatTicketNumber(42), DEFAULT_SLA_CONFIG, NOW);
  const ticket = {
    ...opened.ticket,
    assignee: hostilePerson,
    lastNote: { text: HOSTILE, by: hostilePerson.displayName, at: NOW.toISOString() },
    resolution: HOSTILE,
    pendingQuestion: HOSTILE,
  };
  const draft = setDetails(
    chooseSolution(chooseCategory(newIntake(request.id, hostilePerson, NOW), 'solution-problem', NOW), hostileSolution.id, NOW),
    request.details,
    NOW,
  );
  const route = routeRequest({
    category: 'solution-problem',
    impact: 'me',
    urgency: 'workaround',
    solution: hostileSolution,
    reachability: everyoneReachable(hostileSolution),
  });
  const review = intakeCard({ kind: 'review', draft, solution: hostileSolution, route, explanation: explainRoute(route) });
  const confirmation = intakeCard({ kind: 'submitted', request });
  const mine = myRequestsCard([request]);
  const helpDeskRoute = routeRequest({
    category: 'access',
    impact: 'me',
    urgency: 'workaround',
    solution: hostileSolution,
    reachability: everyoneReachable(hostileSolution),
  });
  const [helpDeskPost] = planRoute(request, helpDeskRoute, '1', { by: hostilePerson.displayName, note: HOSTILE });
  const registration = {
    role: 'help-desk' as const,
    conversationReference: {},
    teamId: 't',
    channelId: 'c',
    channelName: HOSTILE,
    registeredBy: hostilePerson,
    registeredAt: NOW.toISOString(),
  };
  return [
    ['maker DM', renderCard(makerCard(request, text('common.verbatim', { text: HOSTILE })))],
    ['co-owner ping', renderCard(coOwnerCard(request, PEOPLE.lee.aadObjectId, text('common.verbatim', { text: HOSTILE })))],
    ['help desk request post', renderCard(helpDeskPost!.card)],
    [
      'requester update',
      renderCard(requesterUpdate(request, '1', text('messages.requests.update.resolvedWithNote', { name: 'Megan', note: HOSTILE })).card),
    ],
    ['help desk ticket', renderCard(ticketCard(ticket, { notice: HOSTILE, members: [hostilePerson] }))],
    [
      'requester ticket view',
      renderCard(
        requesterCard(
          { ...ticket, status: 'waiting-on-requester' },
          { heading: `HD-42: ${HOSTILE}`, message: HOSTILE, reopenWindowMinutes: 60, now: NOW },
        ),
      ),
    ],
    ['SLA alert', renderCard(slaAlertCard(ticket, 'resolution', 'breach', false))],
    ['ticket list', renderCard(ticketListCard({ kind: 'open' }, { items: [summaryOf(ticket)], offset: 0, hasMore: false }))],
    ['intake review', renderCard(review)],
    ['intake confirmation', renderCard(confirmation)],
    ['my requests', renderCard(mine)],
    ['solution lookup', renderCard(solutionSupportCard(HOSTILE, [{ solution: hostileSolution, score: 1 }]))],
    ['my solutions', renderCard(mySolutionsCard({ made: [hostileSolution], coOwned: [] }, 'Alex'))],
    ['channel registered', renderCard(channelRegisteredCard(registration, false))],
  ];
}

describe('user text on every card is plain text', () => {
  it.each(hostileCards())('%s: shows the hostile text escaped, and nothing in it takes effect as Markdown or a link', (_name, card) => {
    const fields = markdownFields(card);
    const live = fields.flatMap((text) => liveMarkdown(text).map((m) => `${m} in ${JSON.stringify(text.slice(0, 80))}`));
    expect(live).toEqual([]);
    // The text is there, shown as typed (the escaped form of the link).
    expect(fields.join('\n')).toContain(escapeMarkdown(LINK));
    // No user text reaches a URL: links are only the ones our code builds.
    for (const url of urls(card))
      expect(url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=[A-Za-z0-9%._-]+(,[A-Za-z0-9%._-]+)*$/);
    // Template expressions in user text stay text: `${requestId}` is never replaced by the id.
    if (JSON.stringify(card).includes('${')) expect(JSON.stringify(card)).not.toContain('> quote 7abbe92b');
  });

  it('keeps user text raw where it is not Markdown: a pre-filled input, an input label, a choice, a button', () => {
    const details = intakeCard({
      kind: 'details',
      draft: newIntake('7abbe92b-0922-4154-ad38-075b9897e1d2', hostilePerson, NOW),
      entered: { title: HOSTILE },
    });
    // The input holds exactly what they typed, so sending the card again loses nothing.
    expect(input(renderCard(details), 'title').value).toBe(HOSTILE);

    const opened = openTicketFor(
      { ...hostileRequest(), ticketNumber: formatTicketNumber(7) },
      formatTicketNumber(7),
      DEFAULT_SLA_CONFIG,
      NOW,
    );
    const ticket = ticketCard(opened.ticket, { members: [hostilePerson] });
    const card = renderCard(ticket);
    expect(input(card, 'assigneeId').choices).toEqual([{ title: hostilePerson.displayName, value: hostilePerson.aadObjectId }]);
    expect(JSON.stringify(card)).toContain(JSON.stringify(`Reply (sent to ${hostilePerson.displayName})`));

    const confirmation = intakeCard({
      kind: 'submitted',
      request: { ...hostileRequest(), chatLink: 'https://teams.microsoft.com/l/chat/0/0?users=meganb%40contoso.example' },
    });
    const bound = renderCard(confirmation) as any;
    expect(bound.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: `Chat with Megan ${LINK}`,
        url: 'https://teams.microsoft.com/l/chat/0/0?users=meganb%40contoso.example',
      },
    ]);
  });

  it('does not evaluate template expressions found in user text', () => {
    const request = {
      ...hostileRequest(),
      details: {
        ...hostileRequest().details,
        title: '${requestId}',
        description: "${string(6*7)} ${if(true, 'yes', 'no')} ${$root.reference}",
      },
    };
    const card = renderCard(makerCard(request));
    const text = markdownFields(card).join('\n');
    expect(text).toContain('${requestId}');
    expect(text).toContain("${string(6\\*7)} ${if(true, 'yes', 'no')} ${$root.reference}");
    expect(text).not.toContain('42');
    expect(text.match(new RegExp(request.reference, 'g'))).toHaveLength(1); // the Request fact only
  });
});
