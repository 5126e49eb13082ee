/** Articles from resolved tickets, the missed searches and the knowledge owners' review list (issue 16): pure rules. */
import { newArticle, summaryOf, type ArticleSummary } from '../../../src/domain/knowledge/article';
import { articleFromTicket, articleIdFor, articleLanguageOf, mayPublishFrom } from '../../../src/domain/knowledge/article-from-ticket';
import { ARTICLE_LIMITS } from '../../../src/domain/knowledge/article-validation';
import { countMiss, missedLanguage, MISSED_QUERY_CHARS, normalizeQuery } from '../../../src/domain/knowledge/missed-search';
import { reviewListOf, REVIEW_SECTION_SIZE } from '../../../src/domain/knowledge/review-list';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import type { Ticket } from '../../../src/domain/tickets/ticket';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { helpDeskRequest } from '../../support/ticket-fixtures';

const DIEGO = { aadObjectId: 'ad000000-0000-4000-8000-000000000002', displayName: 'Diego Siciliani' };
const NOW = new Date('2026-12-01T09:00:00Z');

function resolvedTicket(overrides: Partial<Ticket> = {}, critical = false): Ticket {
  const request = helpDeskRequest({ critical });
  const opened = openTicketFor(
    { ...request, ticketNumber: formatTicketNumber(42) },
    formatTicketNumber(42),
    DEFAULT_SLA_CONFIG,
    NOW,
  ).ticket;
  return { ...opened, status: 'resolved', resolution: 'Open Apps and search for Expenses.', ...overrides };
}

describe('an article from a resolved ticket', () => {
  it('only a resolved (or closed) ticket with a resolution can become one', () => {
    expect(mayPublishFrom(resolvedTicket())).toBe(true);
    expect(mayPublishFrom(resolvedTicket({ status: 'closed' }))).toBe(true);
    expect(mayPublishFrom(resolvedTicket({ status: 'in-progress' }))).toBe(false);
    expect(mayPublishFrom(resolvedTicket({ resolution: '  ' }))).toBe(false);
  });

  it('has one id per ticket and team, a valid article id', () => {
    const ticket = resolvedTicket();
    expect(articleIdFor(ticket, 'help-desk')).toBe('ticket-hd-000042');
    expect(articleIdFor(ticket, 'dedicated-team')).toBe('ticket-hd-000042-team');
  });

  it('is a draft with the form’s text, the ticket’s category and solution, no owner, its source', () => {
    const ticket = resolvedTicket({}, true);
    const made = articleFromTicket(
      ticket,
      { title: '  Invoice  flow ', answer: '**Re-authorise** it.' },
      'dedicated-team',
      'fr',
      DIEGO,
      NOW,
    );
    expect(made.ok && made.article).toEqual({
      id: 'ticket-hd-000042-team',
      version: 1,
      title: 'Invoice flow',
      answer: '**Re-authorise** it.',
      language: 'fr',
      solutionIds: ['invoice-approval'],
      categories: ['solution-problem'],
      keywords: [],
      author: DIEGO,
      status: 'draft',
      helpful: 0,
      notHelpful: 0,
      source: { kind: 'ticket', ticketId: ticket.id, ticketNumber: 'HD-000042', from: 'dedicated-team' },
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('falls back to the ticket’s title and resolution for empty fields, and refuses what an article cannot hold', () => {
    const ticket = resolvedTicket();
    const fallback = articleFromTicket(ticket, { title: '', answer: undefined }, 'help-desk', 'en', DIEGO, NOW);
    expect(fallback.ok && [fallback.article.title, fallback.article.answer]).toEqual([ticket.title, ticket.resolution]);
    const long = articleFromTicket(ticket, { title: 'x'.repeat(ARTICLE_LIMITS.title + 1), answer: 'a' }, 'help-desk', 'en', DIEGO, NOW);
    expect(long.ok ? [] : long.problems).toEqual([{ field: 'title', problem: 'too-long', limit: ARTICLE_LIMITS.title }]);
    const link = articleFromTicket(
      ticket,
      { title: 't', answer: 'ok\nsee [here](https://example.invalid)' },
      'help-desk',
      'en',
      DIEGO,
      NOW,
    );
    expect(link.ok ? [] : link.problems).toEqual([{ field: 'answer', problem: 'link', line: 2 }]);
  });

  it('is written in the queue’s language when an article can be, else English', () => {
    expect(articleLanguageOf('fr')).toBe('fr');
    expect(articleLanguageOf('ko-KR')).toBe('ko');
    expect(articleLanguageOf('de')).toBe('en');
    expect(articleLanguageOf(undefined)).toBe('en');
  });
});

describe('searches that found nothing', () => {
  it('one question whatever its case, spacing and punctuation; cut before anything else', () => {
    expect(normalizeQuery('  How do I request a  Dataverse environment?! ')).toBe('how do i request a dataverse environment');
    expect(normalizeQuery('Ｆｕｌｌ　ｗｉｄｔｈ')).toBe('full width');
    expect(normalizeQuery('앱을 찾을 수 없어요…')).toBe('앱을 찾을 수 없어요');
    expect(normalizeQuery('가'.repeat(100_000))).toHaveLength(MISSED_QUERY_CHARS);
    expect(normalizeQuery('?!…')).toBe('');
  });

  it('counts and keeps the first and last time', () => {
    const first = countMiss(undefined, 'q', 'en', '2026-12-01T09:00:00.000Z');
    expect(first).toEqual({
      query: 'q',
      language: 'en',
      count: 1,
      firstAt: '2026-12-01T09:00:00.000Z',
      lastAt: '2026-12-01T09:00:00.000Z',
    });
    const second = countMiss(first, 'q', 'en', '2026-12-02T09:00:00.000Z');
    expect(second).toMatchObject({ count: 2, firstAt: '2026-12-01T09:00:00.000Z', lastAt: '2026-12-02T09:00:00.000Z' });
    // A late writer with an older time does not move "last" back.
    expect(countMiss(second, 'q', 'en', '2026-11-30T09:00:00.000Z')).toMatchObject({ count: 3, lastAt: '2026-12-02T09:00:00.000Z' });
    expect(missedLanguage('sv-SE')).toBe('sv');
    expect(missedLanguage('??')).toBe('en');
  });
});

describe('the review list', () => {
  const article = (id: string, over: Partial<ArticleSummary> = {}): ArticleSummary => ({
    ...summaryOf(newArticle({ id, title: id, answer: 'a', language: 'en', solutionIds: [], categories: [], keywords: [] }, DIEGO, NOW)),
    ...over,
  });

  it('sorts each section and keeps only what needs someone', () => {
    const list = reviewListOf(
      [
        article('old-draft', { updatedAt: '2026-11-01T00:00:00.000Z' }),
        article('new-draft', { updatedAt: '2026-11-30T00:00:00.000Z' }),
        article('due', { status: 'published', reviewBy: '2026-11-30' }),
        article('due-today', { status: 'published', reviewBy: '2026-12-01' }),
        article('retired-due', { status: 'retired', reviewBy: '2026-01-01' }),
        article('bad', { status: 'published', helpful: 1, notHelpful: 5 }),
        article('tied', { status: 'published', helpful: 2, notHelpful: 2 }),
        article('worse', { status: 'published', helpful: 0, notHelpful: 9 }),
      ],
      [
        { query: 'a', language: 'en', count: 1, firstAt: '2026-11-01', lastAt: '2026-11-01' },
        { query: 'b', language: 'en', count: 5, firstAt: '2026-11-01', lastAt: '2026-11-20' },
      ],
      '2026-12-01',
    );
    expect(list.drafts.map((a) => a.id)).toEqual(['new-draft', 'old-draft']);
    expect(list.overdue.map((a) => a.id)).toEqual(['due']);
    expect(list.unhelpful.map((a) => a.id)).toEqual(['worse', 'bad']);
    expect(list.missed.map((m) => m.query)).toEqual(['b', 'a']);
    expect(list.totals).toEqual({ drafts: 2, overdue: 1, unhelpful: 2, missed: 2 });
  });

  it('shows at most a section’s worth of each, and says how many there are', () => {
    const drafts = Array.from({ length: REVIEW_SECTION_SIZE + 5 }, (_, i) => article(`d${i}`));
    const list = reviewListOf(drafts, [], '2026-12-01');
    expect(list.drafts).toHaveLength(REVIEW_SECTION_SIZE);
    expect(list.totals.drafts).toBe(REVIEW_SECTION_SIZE + 5);
  });
});
