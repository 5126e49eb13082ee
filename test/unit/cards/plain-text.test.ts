import { newIntake, chooseCategory, chooseSolution, setDetails } from '../../../src/domain/intake/intake-draft';
import { referenceFor, snapshotOf, holderFor, type SupportRequest } from '../../../src/domain/intake/support-request';
import { explainRoute, renderExplanation } from '../../../src/domain/route-explanation';
import { everyoneReachable, routeRequest } from '../../../src/domain/routing';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { summaryOf } from '../../../src/domain/tickets/ticket-lists';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import type { Solution } from '../../../src/domain/solution';
import { requesterUpdate } from '../../../src/services/notifications/handling-messages';
import { coOwnerCardData, makerCardData, message } from '../../../src/services/notifications/route-messages';
import { requesterCard, slaAlertCard, ticketCard } from '../../../src/services/tickets/ticket-cards';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { renderCard, type AdaptiveCardJson, type CardName } from '../../../src/teams/card-templates';
import { mySolutionsCardData, solutionSupportCardData } from '../../../src/teams/catalog/catalog-card-data';
import { intakeCard, myRequestsCard } from '../../../src/teams/intake/intake-card-data';
import { escapeMarkdown } from '../../../src/teams/plain-text';
import { ticketListData } from '../../../src/teams/tickets/ticket-views';
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
  return [
    ...(bare.match(/[[\]*_~`]|[a-z]+:\/\/|www\.|\w@\w/gi) ?? []),
    ...(bare.match(/^[ \t]*(?:[#>+=-]|\d+[.)](?=\s|$))/gm) ?? []),
  ];
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

const hostileSolution: Solution = { ...SOLUTIONS.expenses, name: `Expense ${LINK}`, workarounds: HOSTILE, maker: { ...PEOPLE.megan, displayName: `Megan ${LINK}` } };
const hostilePerson = { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: `Alex ${LINK}` };

function hostileRequest(): SupportRequest {
  const id = '7abbe92b-0922-4154-ad38-075b9897e1d2';
  const route = routeRequest({ category: 'solution-problem', impact: 'me', urgency: 'workaround', solution: hostileSolution, reachability: everyoneReachable(hostileSolution) });
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
    explanation: renderExplanation(explainRoute(route)),
    status: 'open',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

function hostileCards(): Array<[string, AdaptiveCardJson]> {
  const request = hostileRequest();
  const render = (template: string, data: object) => renderCard(template as CardName, data);
  const opened = openTicketFor({ ...request, ticketNumber: formatTicketNumber(42) }, formatTicketNumber(42), DEFAULT_SLA_CONFIG, NOW);
  const ticket = {
    ...opened.ticket,
    assignee: hostilePerson,
    lastNote: { text: HOSTILE, by: hostilePerson.displayName, at: NOW.toISOString() },
    resolution: HOSTILE,
    pendingQuestion: HOSTILE,
  };
  const draft = setDetails(chooseSolution(chooseCategory(newIntake(request.id, hostilePerson, NOW), 'solution-problem', NOW), hostileSolution.id, NOW), request.details, NOW);
  const route = routeRequest({ category: 'solution-problem', impact: 'me', urgency: 'workaround', solution: hostileSolution, reachability: everyoneReachable(hostileSolution) });
  const review = intakeCard({ kind: 'review', draft, solution: hostileSolution, route, explanation: renderExplanation(explainRoute(route)) });
  const confirmation = intakeCard({ kind: 'submitted', request });
  const mine = myRequestsCard([request]);
  const helpDeskPost = message(request, 'help-desk-ticket', { kind: 'channel', channel: 'help-desk' }, { data: { handedOnBy: hostilePerson.displayName, note: HOSTILE } });
  return [
    ['maker DM', render('maker-notification', makerCardData(request, HOSTILE))],
    ['co-owner ping', render('co-owner-ping', coOwnerCardData(request, PEOPLE.lee.aadObjectId, HOSTILE))],
    ['help desk request post', render(helpDeskPost.card.template, helpDeskPost.card.data)],
    ['requester update', render('requester-update', requesterUpdate(request, '1', `Megan resolved it. Their note: "${HOSTILE}"`).card.data)],
    ['help desk ticket', render(ticketCard(ticket, { notice: HOSTILE, members: [hostilePerson] }).template, ticketCard(ticket, { notice: HOSTILE, members: [hostilePerson] }).data)],
    ['requester ticket view', render('ticket-requester', requesterCard({ ...ticket, status: 'waiting-on-requester' }, { heading: `HD-42: ${HOSTILE}`, message: HOSTILE, reopenWindowMinutes: 60, now: NOW }).data)],
    ['SLA alert', render('ticket-sla-alert', slaAlertCard(ticket, 'resolution', 'breach', false).data)],
    ['ticket list', render('ticket-list', ticketListData({ kind: 'open' }, { items: [summaryOf(ticket)], offset: 0, hasMore: false }))],
    ['intake review', render(review.name, review.data)],
    ['intake confirmation', render(confirmation.name, confirmation.data)],
    ['my requests', render(mine.name, mine.data)],
    ['solution lookup', render('solution-support', solutionSupportCardData(HOSTILE, [{ solution: hostileSolution, score: 1 }]))],
    ['my solutions', render('my-solutions', mySolutionsCardData({ made: [hostileSolution], coOwned: [] }, 'Alex'))],
    ['channel registered', render('channel-registered', { heading: `"${HOSTILE}" is now the help desk channel`, message: 'New tickets are posted here.', registeredBy: hostilePerson.displayName, registeredAt: '2026-11-20 10:00 UTC' })],
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
    for (const url of urls(card)) expect(url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=[A-Za-z0-9%._-]+(,[A-Za-z0-9%._-]+)*$/);
    // Template expressions in user text stay text: `${requestId}` is never replaced by the id.
    if (JSON.stringify(card).includes('${')) expect(JSON.stringify(card)).not.toContain('> quote 7abbe92b');
  });

  it('keeps user text raw where it is not Markdown: a pre-filled input, an input label, a choice, a button', () => {
    const details = intakeCard({ kind: 'details', draft: newIntake('7abbe92b-0922-4154-ad38-075b9897e1d2', hostilePerson, NOW), entered: { title: HOSTILE } });
    // The input holds exactly what they typed, so sending the card again loses nothing.
    expect(input(renderCard(details.name, details.data), 'title').value).toBe(HOSTILE);

    const opened = openTicketFor({ ...hostileRequest(), ticketNumber: formatTicketNumber(7) }, formatTicketNumber(7), DEFAULT_SLA_CONFIG, NOW);
    const ticket = ticketCard(opened.ticket, { members: [hostilePerson] });
    const card = renderCard(ticket.template, ticket.data);
    expect(input(card, 'assigneeId').choices).toEqual([{ title: hostilePerson.displayName, value: hostilePerson.aadObjectId }]);
    expect(JSON.stringify(card)).toContain(JSON.stringify(`Reply (sent to ${hostilePerson.displayName})`));

    const confirmation = intakeCard({ kind: 'submitted', request: { ...hostileRequest(), chatLink: 'https://teams.microsoft.com/l/chat/0/0?users=meganb%40contoso.example' } });
    const bound = renderCard(confirmation.name, confirmation.data) as any;
    expect(bound.actions).toEqual([{ type: 'Action.OpenUrl', title: `Chat with Megan ${LINK}`, url: 'https://teams.microsoft.com/l/chat/0/0?users=meganb%40contoso.example' }]);
  });

  it('does not evaluate template expressions found in user text', () => {
    const request = { ...hostileRequest(), details: { ...hostileRequest().details, title: '${requestId}', description: "${string(6*7)} ${if(true, 'yes', 'no')} ${$root.reference}" } };
    const card = renderCard('maker-notification', makerCardData(request));
    const text = markdownFields(card).join('\n');
    expect(text).toContain('${requestId}');
    expect(text).toContain("${string(6\\*7)} ${if(true, 'yes', 'no')} ${$root.reference}");
    expect(text).not.toContain('42');
    expect(text.match(new RegExp(request.reference, 'g'))).toHaveLength(1); // the Request fact only
  });
});
