import { newArticle } from '../../../src/domain/knowledge/article';
import { checkArticle, ARTICLE_LIMITS } from '../../../src/domain/knowledge/article-validation';
import { canMove, moveStatus } from '../../../src/domain/knowledge/article-status';
import { excerpt, markdownProblems, stripToSafeMarkdown, toBlocks } from '../../../src/domain/knowledge/safe-markdown';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const NOW = new Date('2026-12-01T09:00:00Z');
const VALID = {
  id: 'request-access',
  title: ' Request  access to an app ',
  answer: 'Ask the **owner**.\n\n- Open the app\n- Choose *Request access*',
  language: 'en',
  solutions: 'sol-1, sol-2',
  categories: ['access'],
  keywords: 'access;permission',
  reviewBy: '2027-06-30',
};

describe('article status moves', () => {
  const draft = newArticle({ id: 'a', title: 't', answer: 'x', language: 'en', solutionIds: [], categories: [], keywords: [] }, MEGAN, NOW);

  it('goes draft → published → retired (a turned-down draft is retired), and nowhere else', () => {
    expect(canMove('draft', 'retired')).toBe(true);
    expect(canMove('retired', 'published')).toBe(false);
    const published = moveStatus(draft, 'published', MEGAN, NOW);
    expect(published.ok && published.article).toMatchObject({ status: 'published', version: 2, publishedAt: NOW.toISOString() });
    if (!published.ok) return;
    expect(published.event).toEqual({ type: 'status', at: NOW.toISOString(), by: MEGAN, from: 'draft', to: 'published' });
    expect(moveStatus(published.article, 'published', MEGAN, NOW).ok).toBe(false);
    const retired = moveStatus(published.article, 'retired', MEGAN, NOW);
    expect(retired.ok && retired.article.status).toBe('retired');
  });
});

describe('article validation', () => {
  it('accepts a valid article, cleaning lists and spaces', () => {
    const checked = checkArticle(VALID);
    expect(checked).toEqual({
      ok: true,
      value: {
        id: 'request-access',
        title: 'Request access to an app',
        answer: VALID.answer,
        language: 'en',
        solutionIds: ['sol-1', 'sol-2'],
        categories: ['access'],
        keywords: ['access', 'permission'],
        reviewBy: '2027-06-30',
      },
    });
  });

  it('reports each problem with its field, and Markdown outside the subset with its line', () => {
    const checked = checkArticle({
      ...VALID,
      id: 'Bad/Id',
      title: '',
      answer: 'fine\n[click](https://example.invalid)\n# Heading\n<b>x</b>',
      language: 'de',
      categories: ['nope'],
      reviewBy: '2027-13-45',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual(
      expect.arrayContaining([
        { field: 'id', problem: 'invalid' },
        { field: 'title', problem: 'missing' },
        { field: 'answer', problem: 'link', line: 2 },
        { field: 'answer', problem: 'heading', line: 3 },
        { field: 'answer', problem: 'html', line: 4 },
        { field: 'language', problem: 'invalid' },
        { field: 'categories', problem: 'invalid' },
        { field: 'reviewBy', problem: 'invalid' },
      ]),
    );
  });

  it('checks sizes before patterns: an over-long answer is reported as too long only', () => {
    const checked = checkArticle({ ...VALID, answer: '<b>'.repeat(ARTICLE_LIMITS.answer) });
    expect(!checked.ok && checked.problems).toEqual([{ field: 'answer', problem: 'too-long', limit: ARTICLE_LIMITS.answer }]);
  });

  it('bounds the lists', () => {
    const checked = checkArticle({ ...VALID, keywords: Array.from({ length: ARTICLE_LIMITS.keywords + 1 }, (_, i) => `k${i}`) });
    expect(!checked.ok && checked.problems).toEqual([{ field: 'keywords', problem: 'too-many', limit: ARTICLE_LIMITS.keywords }]);
  });
});

describe('safe Markdown', () => {
  it('turns the subset into blocks of runs', () => {
    expect(toBlocks('Ask the **owner** or _Megan_.\nSame paragraph.\n\n1. First\n2. *Then*\n- bullet')).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Ask the ', bold: false, italic: false },
          { text: 'owner', bold: true, italic: false },
          { text: ' or ', bold: false, italic: false },
          { text: 'Megan', bold: false, italic: true },
          { text: '. Same paragraph.', bold: false, italic: false },
        ],
      },
      { kind: 'numbered', number: 1, runs: [{ text: 'First', bold: false, italic: false }] },
      { kind: 'numbered', number: 2, runs: [{ text: 'Then', bold: false, italic: true }] },
      { kind: 'bullet', runs: [{ text: 'bullet', bold: false, italic: false }] },
    ]);
  });

  it('keeps snake_case words as they are', () => {
    expect(toBlocks('set admin_user_name')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'set admin_user_name', bold: false, italic: false }] },
    ]);
  });

  it('strips everything else to its plain text, leaving nothing the checks refuse', () => {
    const stripped = stripToSafeMarkdown(
      '# Title\n> quoted\nSee [the guide](https://example.invalid/x) ![logo](https://example.invalid/i.png)\n<script>alert(1)</script>`code`\n| a | b |\n    indented',
    );
    expect(stripped).toBe('**Title**\nquoted\nSee the guide (https://example.invalid/x) logo\nalert(1)code\na – b\nindented');
    expect(markdownProblems(stripped)).toEqual([]);
  });

  it('cuts an excerpt at a number of characters, marking the cut', () => {
    const cut = excerpt(toBlocks('한국어 지원 요청\n\n- second'), 3);
    expect(cut).toEqual([{ kind: 'paragraph', runs: [{ text: '한국어…', bold: false, italic: false }] }]);
  });
});
