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
import { formatPeople } from '../../../src/domain/catalog/list-formats';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { chooseCategory, chooseSolution, newIntake, setDetails } from '../../../src/domain/intake/intake-draft';
import { explainRoute } from '../../../src/domain/route-explanation';
import { text } from '../../../src/domain/text';
import type { PersonRef } from '../../../src/domain/history';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import { LOCALES } from '../../../src/i18n/locales';
import { outboxStatusCard } from '../../../src/presentation/admin-cards';
import { reportCard } from '../../../src/presentation/report-cards';
import { largestReport } from '../../support/largest-report';
import { CARD_NAMES, type CardName, type CardRef } from '../../../src/presentation/cards';
import { satisfactionCard } from '../../../src/presentation/satisfaction-cards';
import { catalogEntryCard, catalogFlagsCard, REVIEW_SIZE, SHOWN_FLAGS, SHOWN_HISTORY } from '../../../src/presentation/catalog-admin-cards';
import { mySolutionsCard, MAX_LISTED, solutionSupportCard } from '../../../src/presentation/catalog-cards';
import { channelRegisteredCard } from '../../../src/presentation/channel-cards';
import { onCallCard } from '../../../src/presentation/on-call-cards';
import { queueRegisteredCard } from '../../../src/presentation/queue-cards';
import { MAX_BUSINESS_UNIT_LENGTH } from '../../../src/domain/queues/queue-scope-text';
import { REQUEST_CATEGORIES } from '../../../src/domain/request-category';
import { intakeCard } from '../../../src/presentation/intake-cards';
import { myRequestCard, myRequestsCard, TRAIL_LIMIT } from '../../../src/presentation/my-requests-cards';
import { SHOWN_HISTORY as SHOWN_REQUEST_HISTORY } from '../../../src/services/intake/my-requests';
import { coOwnerCard, makerCard, requestNotice, requesterUpdateCard } from '../../../src/presentation/request-cards';
import { requesterCard, slaAlertCard, ticketCard, ticketListCard, TICKET_PAGE_SIZE } from '../../../src/presentation/ticket-cards';
import { handOffCard, makerQuestionCard } from '../../../src/presentation/handoff-cards';
import { globalAdminsCard, incidentCard, incidentResolvedCard } from '../../../src/presentation/incident-cards';
import { INCIDENT_RESOLUTION_MAX, INCIDENT_TITLE_MAX, MAX_INCIDENT_LINKS, type Incident } from '../../../src/domain/incidents/incident';
import { MAX_CASE_REFERENCE, MAX_EXTERNAL_CASES } from '../../../src/domain/external-cases/external-case';
import { HAND_OFF_TEXT_LIMITS, MAX_HAND_OFFS } from '../../../src/domain/escalation/hand-off';
import { messageReportAnswer } from '../../../src/presentation/message-report-cards';
import { INTAKE_LIMITS } from '../../../src/domain/intake/intake-validation';
import { tooLong } from '../../../src/domain/intake/field-limits';
import { OPENING_TEXT_LIMIT } from '../../../src/domain/intake/opening-text';
import { UNLISTED_LIMITS } from '../../../src/domain/intake/unlisted-solution';
import { greeting, welcomeCard } from '../../../src/presentation/welcome-cards';
import { summaryOf } from '../../../src/domain/tickets/ticket-lists';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { renderCard } from '../../../src/teams/rendering';
import { SOLUTION_FACT_LIMITS } from '../../../src/domain/intake/solution-facts';
import { GRADUATION_LIMITS, newGraduationRequest } from '../../../src/domain/governance/graduation-request';
import { changeSuggestionStatus, newSuggestion, SUGGESTION_LIMITS } from '../../../src/domain/suggestions/suggestion';
import { suggestionCard, suggestionListCard, suggestionUpdateCard } from '../../../src/presentation/suggestion-cards';
import { LISTED_SUGGESTIONS } from '../../../src/services/suggestions/suggestion-service';
import { GRADUATION_REQUIREMENTS } from '../../../src/domain/governance/graduation-requirements';
import { underSupportedListCard, underSupportedNoticeCard } from '../../../src/presentation/under-supported-cards';
import { MAX_LISTED_NOTICES } from '../../../src/services/governance/under-supported-admin';
import { UNDER_SUPPORT_REASONS } from '../../../src/domain/governance/under-supported';
import { graduationDecisionCard, graduationFormCard, graduationRequestCard } from '../../../src/presentation/governance-cards';
import { OFFERED_ARTICLES } from '../../../src/domain/knowledge/intake-answers';
import { ARTICLE_LIMITS } from '../../../src/domain/knowledge/article-validation';
import { excerpt, toBlocks } from '../../../src/domain/knowledge/safe-markdown';
import { EXCERPT_CHARS } from '../../../src/services/knowledge/intake-answers-service';
import { KOREAN } from '../../support/large-text';
import { newArticle, type ArticleSummary } from '../../../src/domain/knowledge/article';
import { MISSED_QUERY_CHARS } from '../../../src/domain/knowledge/missed-search';
import { reviewListOf, REVIEW_SECTION_SIZE } from '../../../src/domain/knowledge/review-list';
import { knowledgeAddedCard, reviewListCard } from '../../../src/presentation/knowledge-review-cards';
import { thanksCard } from '../../../src/presentation/recognition-cards';
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
    externalCases: Array.from({ length: MAX_EXTERNAL_CASES }, (_, i) => ({
      id: `microsoft:${i}`,
      vendor: 'microsoft' as const,
      caseReference: field(`${i}${unit}`, MAX_CASE_REFERENCE),
      severity: 'A' as const,
      openedAt: NOW.toISOString(),
      openedBy: person,
      confirmedBy: person,
      status: 'waiting-on-vendor' as const,
      statusAt: NOW.toISOString(),
    })),
    pendingCase: {
      vendor: 'microsoft' as const,
      severity: 'A' as const,
      requestedBy: person,
      requestedAt: NOW.toISOString(),
      caseReference: field(unit, MAX_CASE_REFERENCE),
    },
    incidentId: 'INC-0A1B2C3D',
    suggestion: { id: 'sg-0123456789abcdef0123456789abcdef', status: 'under-review' as const },
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
    target: { kind: 'user' as const, aadObjectId: person.aadObjectId, displayName: person.displayName },
    ageMinutes: 42,
    attempts: 9,
    lastError: field(unit, 300),
    reason: 'rejected',
    failedAt: NOW.toISOString(),
    attemptedAt: NOW.toISOString(),
  }));
  const at = NOW.toISOString();
  const graduationAnswers = {
    coOwners: paragraph(unit, GRADUATION_LIMITS.coOwners),
    dataSources: paragraph(unit, GRADUATION_LIMITS.dataSources),
    workarounds: paragraph(unit, GRADUATION_LIMITS.workarounds),
    supportChannel: paragraph(unit, GRADUATION_LIMITS.supportChannel),
  };
  const graduation = {
    ...newGraduationRequest('g-1', largest('Productivity'), 'Critical', person, graduationAnswers, at),
    missing: GRADUATION_REQUIREMENTS,
  };
  const decidedGraduation = {
    ...graduation,
    status: 'declined' as const,
    decidedBy: person,
    decidedAt: at,
    reason: paragraph(unit, GRADUATION_LIMITS.reason),
  };
  const notices = Array.from({ length: MAX_LISTED_NOTICES }, (_, i) => ({
    id: `u-${i}`,
    period: '2026-W48',
    solutionId: largest('Important', i + 3).id,
    solutionName: largest('Important', i + 3).name,
    tier: 'Important' as const,
    reasons: UNDER_SUPPORT_REASONS,
    recipient: { aadObjectId: person.aadObjectId, displayName: person.displayName, role: 'manager' as const },
    foundAt: at,
  }));
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
  // The largest incident: every link a report of the same requester (so their message names them all).
  const incident: Incident = {
    id: 'INC-0A1B2C3D',
    scope: { kind: 'solution', solutionId: solution.id, solutionName: solution.name },
    title: field(unit, INCIDENT_TITLE_MAX),
    status: 'resolved',
    openedBy: person,
    openedAt: at,
    links: Array.from({ length: MAX_INCIDENT_LINKS }, (_, i) => ({
      kind: 'request' as const,
      id: `r${i}`,
      reference: `REQ-${String(i).padStart(8, '0')}`,
      requester: person,
      linkedAt: at,
      automatic: true,
    })),
    resolution: paragraph(unit, INCIDENT_RESOLUTION_MAX),
    resolvedAt: at,
    resolvedBy: person,
    audience: [person],
    told: 0,
    globalAdminsAt: at,
    globalAdminsBy: person,
    version: 3,
    updatedAt: at,
  };
  return [
    ['incident', `${MAX_INCIDENT_LINKS} links, resolved, escalated`, incidentCard(incident, text('common.verbatim', { text: long }))],
    ['incident-global-admins', `${MAX_INCIDENT_LINKS} links`, globalAdminsCard(incident)],
    ['incident-resolved', `one requester's ${MAX_INCIDENT_LINKS} reports`, incidentResolvedCard(incident, person)],
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
    [
      'intake-details',
      'not listed, started from the longest message, every field refused at its limit',
      intakeCard({
        kind: 'details',
        draft: { ...draft, solutionId: null, openingText: paragraph(unit, OPENING_TEXT_LIMIT), details: undefined },
        entered: {
          ...details,
          description: paragraph(unit, OPENING_TEXT_LIMIT),
          unlistedName: field(unit, UNLISTED_LIMITS.unlistedName),
          unlistedEnvironment: field(unit, UNLISTED_LIMITS.unlistedEnvironment),
          unlistedMaker: field(unit, UNLISTED_LIMITS.unlistedMaker),
        },
        errors: {
          title: tooLong('title', OPENING_TEXT_LIMIT, INTAKE_LIMITS.title),
          description: tooLong('description', OPENING_TEXT_LIMIT, INTAKE_LIMITS.description),
          since: tooLong('since', OPENING_TEXT_LIMIT, INTAKE_LIMITS.since),
          unlistedName: tooLong('solutionName', OPENING_TEXT_LIMIT, UNLISTED_LIMITS.unlistedName),
          unlistedEnvironment: tooLong('environment', OPENING_TEXT_LIMIT, UNLISTED_LIMITS.unlistedEnvironment),
          unlistedMaker: tooLong('maker', OPENING_TEXT_LIMIT, UNLISTED_LIMITS.unlistedMaker),
        },
      }),
    ],
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
      'kb-review',
      `${REVIEW_SECTION_SIZE} rows in every section at their limits, from tickets`,
      (() => {
        const summary = (i: number, over: Partial<ArticleSummary>): ArticleSummary => ({
          id: `ticket-hd-${i}`.padEnd(ARTICLE_LIMITS.id, 'x'),
          title: field(unit, ARTICLE_LIMITS.title),
          language: 'ko',
          solutionIds: [],
          categories: [],
          keywords: [],
          status: 'draft',
          helpful: 999_999,
          notHelpful: 1_000_000,
          updatedAt: NOW.toISOString(),
          reviewBy: '2026-01-01',
          ...over,
        });
        const many = (over: Partial<ArticleSummary>) => Array.from({ length: REVIEW_SECTION_SIZE + 3 }, (_, i) => summary(i, over));
        const missed = Array.from({ length: REVIEW_SECTION_SIZE + 3 }, () => ({
          query: field(unit, MISSED_QUERY_CHARS),
          language: 'ko',
          count: 1_000_000,
          firstAt: NOW.toISOString(),
          lastAt: NOW.toISOString(),
        }));
        const list = reviewListOf([...many({}), ...many({ status: 'published' })], missed, '2026-11-20');
        const source = { kind: 'ticket' as const, ticketId: ticket.id, ticketNumber: ticket.number, from: 'dedicated-team' as const };
        const origins = new Map(list.drafts.map((d) => [d.id, { id: d.id, source }]));
        return reviewListCard(list, origins, text('kb-review.review.notDraft', { title: field(unit, ARTICLE_LIMITS.title) }));
      })(),
    ],
    [
      'kb-added',
      'the longest title and name',
      knowledgeAddedCard(
        {
          ...newArticle(
            {
              id: 'a',
              title: field(unit, ARTICLE_LIMITS.title),
              answer: 'x',
              language: 'ko',
              solutionIds: [],
              categories: [],
              keywords: [],
            },
            person,
            NOW,
          ),
        },
        ticket,
        person.displayName,
      ),
    ],
    [
      'intake-answered',
      'by an article with the longest title',
      intakeCard({
        kind: 'answered',
        draft: { ...draft, state: 'answered', answers: { solvedBy: 'a', title: field(unit, ARTICLE_LIMITS.title) } },
      }),
    ],
    [
      'my-requests',
      `${MY_REQUESTS} requests, Next and Previous with the longest trail`,
      myRequestsCard(
        Array.from({ length: MY_REQUESTS }, () => request),
        new Map(),
        { after: `${'9'.repeat(13)}|${request.id}`, trail: Array.from({ length: TRAIL_LIMIT }, () => `${'9'.repeat(13)}|${request.id}`) },
        `${'9'.repeat(13)}|${request.id}`,
      ),
    ],
    [
      'my-request',
      `its ${SHOWN_REQUEST_HISTORY} newest events`,
      myRequestCard(
        request,
        Array.from({ length: SHOWN_REQUEST_HISTORY }, () => ({
          type: 'notified' as const,
          at: NOW.toISOString(),
          actor: { kind: 'system' as const, component: 'router' as const },
          recipient: largestPerson(unit, 2),
          via: 'dm' as const,
        })),
      ),
    ],
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
    [
      'request-satisfaction',
      'answered, with a notice',
      satisfactionCard(request, person.displayName, 'not-satisfied', text('followup.satisfaction.already')),
    ],
    ['requester-update', 'a long update', requesterUpdateCard(request, text('common.verbatim', { text: long }))],
    ['ticket', `picking among ${HELP_DESK_MEMBERS} members`, ticketCard(ticket, { notice: long, members })],
    // Resolved: "Publish as article" carries the title and the resolution again, as the form's values.
    [
      'ticket',
      'resolved, with the "Publish as article" form',
      ticketCard({ ...ticket, status: 'resolved', queue: 'help-desk' }, { notice: long }),
    ],
    [
      'ticket-requester',
      'waiting on the requester',
      requesterCard(
        { ...ticket, status: 'waiting-on-requester' },
        { heading: long, message: long, notice: long, reopenWindowMinutes: 60, now: NOW },
      ),
    ],
    ['ticket-sla-alert', 'breached, handed off', slaAlertCard(ticket, 'resolution', 'breach', true)],
    ['ticket-on-call', 'the on-call page', onCallCard(ticket)],
    [
      'ticket-list',
      `${TICKET_PAGE_SIZE} tickets`,
      ticketListCard(
        { kind: 'open', severity: 'A' },
        { items: Array.from({ length: TICKET_PAGE_SIZE }, () => summaryOf(ticket)), offset: 10, hasMore: true },
      ),
    ],
    [
      'ticket-handoff',
      `${MAX_HAND_OFFS} hand-offs at their limits, accepted and returned, the catalog's facts at theirs`,
      handOffCard(handedOff, { notice: long }),
    ],
    [
      'ticket-handoff',
      'resolved, with "Add to help desk knowledge"',
      handOffCard({ ...handedOff, status: 'resolved', resolution: long }, { notice: long }),
    ],
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
            title: tooLong('title', INTAKE_LIMITS.title + 1, INTAKE_LIMITS.title),
            description: tooLong('description', INTAKE_LIMITS.description + 1, INTAKE_LIMITS.description),
            solution: text('messages.intake.errors.solution'),
          },
          limited: { perHour: 3, minutesLeft: 59, retryAt: NOW.toISOString() },
        });
        if (!('card' in answer)) throw new Error('the form is a card');
        return answer.card;
      })(),
    ],
    ['channel-registered', 'moved here', channelRegisteredCard(registration, true)],
    [
      'channel-registered',
      'a help desk queue for the longest business unit and every category',
      queueRegisteredCard(
        {
          ...registration,
          queue: 'help-desk:q-00000000',
          scope: { businessUnits: [field(unit, MAX_BUSINESS_UNIT_LENGTH)], categories: [...REQUEST_CATEGORIES] },
        },
        true,
      ),
    ],
    ['outbox-status', `${OUTBOX_LINES} of each`, outboxStatusCard({ pending: 1000, oldestPendingMs: 3_600_000 }, lines, lines, lines)],
    [
      'graduation-form',
      'every answer at its limit, with a notice',
      graduationFormCard(largest('Productivity'), graduationAnswers, text('common.verbatim', { text: long })),
    ],
    [
      'graduation-request',
      'pending, every answer at its limit, all missing',
      graduationRequestCard(graduation, text('common.verbatim', { text: long })),
    ],
    [
      'graduation-request',
      'declined with the longest reason',
      graduationRequestCard(decidedGraduation, text('common.verbatim', { text: long })),
    ],
    ['graduation-decision', 'declined with the longest reason', graduationDecisionCard(decidedGraduation)],
    ...suggestionCases(ticket, person),
    ['under-supported-notice', 'every reason, to the maker', underSupportedNoticeCard(notices[0]!)],
    ['under-supported-list', `${MAX_LISTED_NOTICES} notices with every reason`, underSupportedListCard('2026-W48', notices)],
    [
      'catalog-entry',
      `25 co-owners, ${SHOWN_HISTORY} edits of every field and ${SHOWN_FLAGS} flags at their limits, with what the admin typed`,
      catalogEntryCard(
        { solution, etag: 'W/"datetime\'2026-11-20T10%3A00%3A00.0000000Z\'"', history: adminEdits(), flags: adminFlags(SHOWN_FLAGS) },
        text('admin.errors.invalid', { issues: field(unit, 501) }),
        { coOwners: field(unit, 12550), supportChannel: field(unit, 500), tier: 'Critical' },
      ),
    ],
    [
      'catalog-flags',
      `${REVIEW_SIZE} open flags at their limits`,
      catalogFlagsCard(adminFlags(REVIEW_SIZE + 5), new Map([[solution.id, solution.name]]), text('admin.flags.resolved')),
    ],
    ['report', '104 weeks, 20 queues, the longest names', reportCard(largestReport(), NOW)],
    [
      'recognition-thanks',
      'the longest name, the largest figures',
      thanksCard({
        id: 't-'.padEnd(34, 'f'),
        month: '2026-09',
        aadObjectId: largestPerson(unit, 0).aadObjectId,
        displayName: largestPerson(unit, 0).displayName,
        answered: 99_999,
        resolved: 99_999,
        meanMs: 1_000 * 3_600_000,
        solutions: 9_999,
        createdAt: NOW.toISOString(),
      }),
    ],
  ];
}

/** Admin edits of tier, co-owners and support channel, each value at its largest. */
/** "Suggest an improvement": every text at its limit, declined with the longest note, the longest list. */
function suggestionCases(ticket: Ticket, person: PersonRef): Array<readonly [CardName, string, CardRef]> {
  const form = {
    observed: paragraph(unit, SUGGESTION_LIMITS.observed),
    frequency: 'occasionally' as const,
    proposal: paragraph(unit, SUGGESTION_LIMITS.proposal),
  };
  const fresh = newSuggestion('sg-0123456789abcdef0123456789abcdef', ticket, form, person, NOW.toISOString());
  const change = changeSuggestionStatus(fresh, 'declined', paragraph(unit, SUGGESTION_LIMITS.note), person, NOW.toISOString());
  if (!change.ok) throw new Error(change.reason);
  const declined = change.next;
  const list = Array.from({ length: LISTED_SUGGESTIONS }, () => ({ ...fresh, status: 'under-review' as const }));
  return [
    [
      'suggestion',
      'new, every text at its limit, with a notice',
      suggestionCard(fresh, text('common.verbatim', { text: paragraph(unit, TEXT_LIMIT) })),
    ],
    ['suggestion', 'declined with the longest note', suggestionCard(declined)],
    ['suggestion-update', 'declined with the longest note', suggestionUpdateCard(declined)],
    ['suggestion-list', `${LISTED_SUGGESTIONS} items at their limit, and more`, suggestionListCard(list, true)],
  ];
}

function adminEdits() {
  const co = largest('Important', 3);
  return Array.from({ length: SHOWN_HISTORY + 2 }, (_, i) => ({
    at: NOW.toISOString(),
    by: { kind: 'admin' as const, aadObjectId: largestPerson(unit, i).aadObjectId, displayName: largestPerson(unit, i).displayName },
    type: 'edited' as const,
    fields: ['tier' as const, 'coOwners' as const, 'supportChannel' as const],
    changes: {
      tier: { from: 'Productivity', to: 'Critical' },
      co_owners: { from: formatPeople(co.coOwners), to: formatPeople(co.coOwners) },
      support_channel: { from: field(unit, 500), to: field(unit, 500) },
    },
  }));
}

/** "Not my solution" flags with the longest note a maker can leave. */
function adminFlags(n: number) {
  const solution = largest('Productivity', 4);
  return Array.from({ length: n }, (_, i) => ({
    solutionId: solution.id,
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    reason: 'not-my-solution' as const,
    note: paragraph(unit, 1000),
    flaggedBy: largestPerson(unit, i),
    flaggedAt: NOW.toISOString(),
  }));
}

const CASES = cards();

describe('every card in every language, at its largest', () => {
  it('covers every card in the registry', () => {
    expect([...new Set(CASES.map(([card]) => card))].sort()).toEqual([...CARD_NAMES].sort());
  });

  it("keeps the hand-off card's data sources and workarounds bounded, and says how much more the catalog has", () => {
    const [, , ref] = CASES.find(([card]) => card === 'ticket-handoff')!;
    const card = JSON.stringify(renderCard(ref, { locale: 'en', timeZone: 'Asia/Seoul' }));
    const { dataSources, workarounds } = largest('Critical');
    const { dataSources: shown, workaroundChars } = SOLUTION_FACT_LIMITS;
    expect(card).toContain(`…and ${dataSources.length - shown} more`);
    expect(card).toContain(`…and ${workarounds!.length - workaroundChars} more characters in the catalog`);
    expect(card).not.toContain(dataSources[shown]!.slice(0, 20));
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
