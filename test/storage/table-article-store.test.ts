import type { TableClient } from '@azure/data-tables';
import { newArticle, type Article } from '../../src/domain/knowledge/article';
import { ARTICLE_LIMITS } from '../../src/domain/knowledge/article-validation';
import { countFeedback, moveStatus } from '../../src/domain/knowledge/article-status';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import { TableArticleStore } from '../../src/storage/knowledge/table-article-store';
import { freshTables } from '../support/test-storage';
import { EMOJI, KOREAN, ofLength } from '../support/large-text';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const NOW = new Date('2026-12-01T09:00:00Z');

function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    ...newArticle(
      {
        id,
        title: 'Request access to an app',
        answer: 'Ask the app owner.',
        language: 'en',
        solutionIds: [],
        categories: ['access'],
        keywords: ['access'],
      },
      MEGAN,
      NOW,
    ),
    ...overrides,
  };
}

describe('article storage', () => {
  let client: TableClient;
  let store: TableArticleStore;

  beforeAll(async () => {
    const tables = await freshTables();
    client = tables.client('knowledge');
    store = new TableArticleStore(client);
  });

  it.each([
    ['Korean', KOREAN],
    ['emoji', EMOJI],
  ])('keeps %s intact at the largest answer, title and keywords', async (_name, unit) => {
    const id = `large-${_name.toLowerCase()}`;
    const big = article(id, {
      title: ofLength(unit, ARTICLE_LIMITS.title),
      answer: ofLength(unit, ARTICLE_LIMITS.answer),
      keywords: Array.from({ length: ARTICLE_LIMITS.keywords }, (_, i) => ofLength(`${i}${unit}`, ARTICLE_LIMITS.keyword)),
    });
    await store.create(big, [{ type: 'created', at: NOW.toISOString(), by: MEGAN }]);
    const read = await store.get(id);
    expect(read?.article).toEqual(big);
    const summary = (await store.listSummaries()).find((s) => s.id === id);
    expect(summary?.title).toBe(big.title);
    expect(summary?.keywords).toEqual(big.keywords);
    expect(summary).not.toHaveProperty('answer');
  });

  it('a second create of the same id is a conflict and writes nothing', async () => {
    const first = article('dup');
    await store.create(first, [{ type: 'created', at: NOW.toISOString(), by: MEGAN }]);
    await expect(
      store.create({ ...first, title: 'Other' }, [{ type: 'created', at: NOW.toISOString(), by: MEGAN }]),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.get('dup'))?.article.title).toBe('Request access to an app');
    expect(await store.history('dup')).toHaveLength(1);
  });

  it('publishes with history, and a stale ETag writes nothing (article, summary, history, version)', async () => {
    const created = await store.create(article('stale'), [{ type: 'created', at: NOW.toISOString(), by: MEGAN }]);
    const moved = moveStatus(created.article, 'published', MEGAN, NOW);
    if (!moved.ok) throw new Error('draft → published must be allowed');
    const published = await store.update(created, moved.article, [moved.event]);
    expect(published.article.status).toBe('published');
    const versionBefore = await store.readVersion();

    // A second writer still holding the draft's ETag: refused, and none of its rows is written.
    const retired = moveStatus(created.article, 'published', MEGAN, NOW);
    if (!retired.ok) throw new Error('unreachable');
    const stale = { ...retired.article, title: 'Stale title' };
    await expect(store.update(created, stale, [retired.event])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.get('stale'))?.article).toEqual(published.article);
    expect((await store.listSummaries()).find((s) => s.id === 'stale')?.title).toBe('Request access to an app');
    expect(await store.history('stale')).toEqual([{ type: 'created', at: NOW.toISOString(), by: MEGAN }, moved.event]);
    expect(await store.readVersion()).toBe(versionBefore);
  });

  it('counts votes under concurrency with ETags: every vote lands once', async () => {
    const created = await store.create({ ...article('votes'), status: 'published' }, []);
    const vote = async (n: number): Promise<void> => {
      for (;;) {
        const current = (await store.get('votes'))!;
        const counted = countFeedback(current.article, n % 3 !== 0, `intake-${n}`, NOW);
        try {
          await store.update(current, counted.article, [counted.event]);
          return;
        } catch (error) {
          if (!(error instanceof ConcurrencyConflictError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, n) => vote(n)));
    const after = (await store.get('votes'))!.article;
    expect([after.helpful, after.notHelpful]).toEqual([4, 2]);
    expect(after.version).toBe(created.article.version + 6);
    expect((await store.history('votes')).filter((e) => e.type === 'feedback')).toHaveLength(6);
  });

  it('an unknown article reads as undefined', async () => {
    expect(await store.get('nope')).toBeUndefined();
  });
});
