/**
 * Every card, rendered in every language from the largest data the product produces (text at the
 * intake's and the catalog's limits in Korean, 3 bytes of UTF-8 and 1 UTF-16 unit a character,
 * from test/support/largest-records.ts; lists at the lengths the code shows), fits one Teams
 * message, and binds completely (no `${…}` or `{{…}}` left: every word and value it names exists).
 *
 * People's addresses are ASCII at their longest: chat links are built from UPNs, and Entra ID
 * accepts only ASCII in a UPN (a Korean address at 254 characters, percent-encoded, would make a
 * co-owners' chat link of 50 KB, which no Teams client opens either).
 *
 * The limit: Microsoft's "Format your bot messages" gives 100 KB per bot message, counted on the
 * whole message encoded as UTF-16, and recommends staying within 80 KB; DESIGN.md §6 says the same.
 * (28 KB is the limit of Power Automate's Teams connector, not of bot messages.)
 */
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { chooseCategory, chooseSolution, newIntake, setDetails } from '../../../src/domain/intake/intake-draft';
import { explainRoute } from '../../../src/domain/route-explanation';
import { text } from '../../../src/domain/text';
import { LOCALES } from '../../../src/i18n/locales';
import { outboxStatusCard } from '../../../src/presentation/admin-cards';
import { CARD_NAMES, type CardName, type CardRef } from '../../../src/presentation/cards';
import { mySolutionsCard, MAX_LISTED, solutionSupportCard } from '../../../src/presentation/catalog-cards';
import { channelRegisteredCard } from '../../../src/presentation/channel-cards';
import { intakeCard, myRequestsCard } from '../../../src/presentation/intake-cards';
import { coOwnerCard, makerCard, requestNotice, requesterUpdateCard } from '../../../src/presentation/request-cards';
import { requesterCard, slaAlertCard, ticketCard, ticketListCard, TICKET_PAGE_SIZE } from '../../../src/presentation/ticket-cards';
import { handOffCard, makerQuestionCard } from '../../../src/presentation/handoff-cards';
import { HAND_OFF_TEXT_LIMITS, MAX_HAND_OFFS } from '../../../src/domain/escalation/hand-off';
import { messageReportAnswer } from '../../../src/presentation/message-report-cards';
import { INTAKE_LIMITS } from '../../../src/domain/intake/intake-validation';
import { greeting, welcomeCard } from '../../../src/presentation/welcome-cards';
import { summaryOf } from '../../../src/domain/tickets/ticket-lists';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { renderCard } from '../../../src/teams/rendering';
import { OFFERED_ARTICLES } from '../../../src/domain/knowledge/intake-answers';
import { ARTICLE_LIMITS } from '../../../src/domain/knowledge/article-validation';
import { excerpt, toBlocks } from '../../../src/domain/knowledge/safe-markdown';
import { EXCERPT_CHARS } from '../../../src/services/knowledge/intake-answers-service';
import { KOREAN } from '../../support/large-text';
import type { Solution, Tier } from '../../../src/domain/solution';
import { field, largestDetails, largestPerson, largestRequest, largestSolution, paragraph } from '../../support/largest-records';

/** Bytes of the whole message as UTF-16, the way Teams counts it. */
const LIMIT_BYTES = 80 * 1024;
const NOW = new Date('2026-11-20T10:00:00Z');
const unit = KOREAN;
/** Notes, replies, questions, resolutions (src/domain/tickets/ticket-changes.ts). */
const TEXT_LIMIT = 4000;
/** What the code shows at most: search results on the intake's solution step, "solution …" look-ups, "my requests", a help desk team to pick from. */
const INTAKE_MATCHES = 8;
const LOOKUP_MATCHES = 3;
const MY_REQUESTS = 10;
const HELP_DESK_MEMBERS = 50;
const OUTBOX_LINES = 15;

/** The largest solution, its people's addresses in ASCII at the same length. */
function largest(tier: Tier, salt = 1): Solution {
  const solution = largestSolution(unit, tier, salt);
  const ascii = <P extends { email: string }>(p: P): P => ({
    ...p,
    email: p.email.replace(/^([^@]*)/, (local) => 'a'.repeat(local.length)),
  });
  return { ...solution, maker: ascii(solution.maker), coOwners: solution.coOwners.map(ascii) };
}

function cards(): Array<readonly [CardName, string, CardRef]> {
  const solution = largest('Critical');
  const { request, route } = largestRequest(unit, solution, NOW);
  const person = largestPerson(unit, 7);
  const long = paragraph(unit, TEXT_LIMIT);
  const opened = openTicketFor(
    { ...request, ticketNumber: formatTicketNumber(42) },
    formatTicketNumber(42),
    DEFAULT_SLA_CONFIG,
    NOW,
  ).ticket;
  const ticket = {
    ...opened,
    assignee: person,
    lastNote: { text: long, by: person.displayName, at: NOW.toISOString() },
    resolution: long,
    pendingQuestion: long,
    externalReferences: Array.from({ length: 10 }, (_, i) => ({
      target: 'microsoft' as const,
      caseReference: field(`${i}${unit}`, 100),
      at: NOW.toISOString(),
      by: person,
    })),
    escalatedTo: 'dedicated-team' as const,
  };
  const details = largestDetails(unit);
  const draft = setDetails(
    chooseSolution(chooseCategory(newIntake(request.id, person, NOW), 'solution-problem', NOW), solution.id, NOW),
    details,
    NOW,
  );
  const matches = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ solution: largest(i % 2 ? 'Productivity' : 'Important', i + 2), score: 1 }));
  const members = Array.from({ length: HELP_DESK_MEMBERS }, (_, i) => largestPerson(unit, 100 + i));
  const handOff = { by: person.displayName, note: long };
  const registration = {
    role: 'help-desk' as const,
    conversationReference: {},
    teamId: 't',
    channelId: 'c',
    channelName: field(unit, 200),
    registeredBy: person,
    registeredAt: NOW.toISOString(),
  };
  const lines = Array.from({ length: 20 }, (_, i) => ({
    messageId: `${request.id}.maker-notification.${i}`,
    purpose: 'maker-notification',
    target: `DM ${person.displayName}`,
    ageMinutes: 42,
    attempts: 9,
    lastError: field(unit, 300),
    reason: 'rejected',
    failedAt: NOW.toISOString(),
    attemptedAt: NOW.toISOString(),
  }));
  const at = NOW.toISOString();
  const largestHandOff = {
    at,
    trigger: 'agent' as const,
    by: { kind: 'user' as const, role: 'agent' as const, ...person },
    fromQueue: 'help-desk' as const,
    summary: paragraph(unit, HAND_OFF_TEXT_LIMITS.summary),
    tried: paragraph(unit, HAND_OFF_TEXT_LIMITS.tried),
    contact: 'maker' as const,
    previousAssignee: person,
    accepted: { by: person, at },
    returned: { by: person, at, note: paragraph(unit, HAND_OFF_TEXT_LIMITS.returnNote) },
  };
  const handedOff = {
    ...ticket,
    queue: 'dedicated-team' as const,
    status: 'waiting-on-maker' as const,
    handOffs: Array.from({ length: MAX_HAND_OFFS }, () => largestHandOff),
  };
  return [
    ['welcome', 'expanded', welcomeCard(person.displayName, true)],
    [
      'intake-need',
      'greeted, with an error',
      intakeCard({ kind: 'need', draft, errors: { category: text('messages.intake.errors.category') } }, greeting(person.displayName)),
    ],
    [
      'intake-solution',
      `${INTAKE_MATCHES} matches`,
      intakeCard({ kind: 'solution', draft: { ...draft, searchQuery: field(unit, 100) }, matches: matches(INTAKE_MATCHES) }),
    ],
    ['intake-details', 'every field at its limit', intakeCard({ kind: 'details', draft, solution, entered: { ...details } })],
    ['intake-review', 'every field at its limit', intakeCard({ kind: 'review', draft, solution, route, explanation: explainRoute(route) })],
    [
      'intake-confirmation',
      'with a ticket and a chat link',
      intakeCard({
        kind: 'submitted',
        request: {
          ...request,
          ticketNumber: formatTicketNumber(42),
          chatLink: 'https://teams.microsoft.com/l/chat/0/0?users=a%40contoso.example',
        },
      }),
    ],
    ['intake-closed', 'cancelled', intakeCard({ kind: 'cancelled' })],
    [
      'intake-answers',
      `${OFFERED_ARTICLES} articles of runs at the limits, workarounds at the limit`,
      intakeCard({
        kind: 'answers',
        draft,
        offer: {
          articles: Array.from({ length: OFFERED_ARTICLES }, (_, i) => ({
            id: `article-${i}`.padEnd(ARTICLE_LIMITS.id, 'x'),
            title: field(unit, ARTICLE_LIMITS.title),
            language: 'ko',
            // A run per syllable, bold and plain in turn: the most runs an answer can make.
            blocks: excerpt(toBlocks(`**가**나`.repeat(ARTICLE_LIMITS.answer / 7)), EXCERPT_CHARS),
          })),
          workarounds: { solutionName: solution.name, text: paragraph(unit, 4000) },
        },
      }),
    ],
    [
      'intake-answered',
      'by an article with the longest title',
      intakeCard({
        kind: 'answered',
        draft: { ...draft, state: 'answered', answers: { solvedBy: 'a', title: field(unit, ARTICLE_LIMITS.title) } },
      }),
    ],
    ['my-requests', `${MY_REQUESTS} requests`, myRequestsCard(Array.from({ length: MY_REQUESTS }, () => request))],
    [
      'my-solutions',
      `${MAX_LISTED} made and ${MAX_LISTED} co-owned, and more`,
      mySolutionsCard(
        { made: matches(MAX_LISTED + 5).map((m) => m.solution), coOwned: matches(MAX_LISTED + 5).map((m) => m.solution) },
        person.displayName,
      ),
    ],
    ['solution-support', `${LOOKUP_MATCHES} matches`, solutionSupportCard(field(unit, 100), matches(LOOKUP_MATCHES))],
    ['request-notification', 'handed on with a note', requestNotice(request, 'help-desk-ticket', handOff)],
    ['maker-notification', 'handed on with a note', makerCard(request, text('common.verbatim', { text: long }), handOff)],
    ['co-owner-ping', 'handed on with a note', coOwnerCard(request, person.aadObjectId, text('common.verbatim', { text: long }), handOff)],
    ['requester-update', 'a long update', requesterUpdateCard(request, text('common.verbatim', { text: long }))],
    ['ticket', `picking among ${HELP_DESK_MEMBERS} members`, ticketCard(ticket, { notice: long, members })],
    [
      'ticket-requester',
      'waiting on the requester',
      requesterCard(
        { ...ticket, status: 'waiting-on-requester' },
        { heading: long, message: long, notice: long, reopenWindowMinutes: 60, now: NOW },
      ),
    ],
    ['ticket-sla-alert', 'breached, handed off', slaAlertCard(ticket, 'resolution', 'breach', true)],
    [
      'ticket-list',
      `${TICKET_PAGE_SIZE} tickets`,
      ticketListCard(
        { kind: 'open', severity: 'A' },
        { items: Array.from({ length: TICKET_PAGE_SIZE }, () => summaryOf(ticket)), offset: 10, hasMore: true },
      ),
    ],
    ['ticket-handoff', `${MAX_HAND_OFFS} hand-offs at their limits, accepted and returned`, handOffCard(handedOff, { notice: long })],
    ['ticket-maker-question', 'the team waiting on the maker', makerQuestionCard(handedOff, { heading: long, notice: long })],
    [
      'report-message',
      `a message at the limits, ${INTAKE_MATCHES} matches, every field refused, limited`,
      (() => {
        const answer = messageReportAnswer({
          kind: 'form',
          intakeId: '00000000-0000-4000-8000-000000000001',
          values: {
            category: 'problem',
            query: field(unit, INTAKE_LIMITS.searchQuery),
            solutionId: solution.id,
            title: field(unit, INTAKE_LIMITS.title),
            description: paragraph(unit, INTAKE_LIMITS.description),
            since: field(unit, INTAKE_LIMITS.since),
            impact: 'organisation',
            urgency: 'blocked',
          },
          matches: matches(INTAKE_MATCHES),
          errors: {
            title: text('messages.intake.errors.titleTooLong', { max: INTAKE_LIMITS.title, length: INTAKE_LIMITS.title + 1 }),
            description: text('messages.intake.errors.descriptionTooLong', {
              max: INTAKE_LIMITS.description,
              length: INTAKE_LIMITS.description + 1,
            }),
            solution: text('messages.intake.errors.solution'),
          },
          limited: { perHour: 3, minutesLeft: 59, retryAt: NOW.toISOString() },
        });
        if (!('card' in answer)) throw new Error('the form is a card');
        return answer.card;
      })(),
    ],
    ['channel-registered', 'moved here', channelRegisteredCard(registration, true)],
    ['outbox-status', `${OUTBOX_LINES} of each`, outboxStatusCard({ pending: 1000, oldestPendingMs: 3_600_000 }, lines, lines, lines)],
  ];
}

const CASES = cards();

describe('every card in every language, at its largest', () => {
  it('covers every card in the registry', () => {
    expect([...new Set(CASES.map(([card]) => card))].sort()).toEqual([...CARD_NAMES].sort());
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(CASES.map(([card, what, ref]) => [card, what, ref] as const))(
      '%s (%s) fits one Teams message and binds completely',
      (_card, _what, ref) => {
        const card = renderCard(ref, { locale, timeZone: 'Asia/Seoul' });
        const message = JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.adaptive.card', content: card }] });
        expect(Buffer.byteLength(message, 'utf16le')).toBeLessThanOrEqual(LIMIT_BYTES);
        expect(message).not.toMatch(/\$\{|\{\{/);
      },
    );
  });
});
