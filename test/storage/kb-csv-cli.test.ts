/**
 * `npm run kb -- import FILE.csv` and `export --format csv --out FILE` against Azurite: the starter
 * set exported to CSV and imported into an empty knowledge base gives the same articles (answers
 * with their lists and line breaks, Korean); a second import changes nothing; a row with problems
 * is named by its row, line and column, and the other rows are imported.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKbCli } from '../../src/cli/kb-command';
import { TableArticleStore } from '../../src/storage/knowledge/table-article-store';
import { TableService } from '../../src/storage/table-service';
import { DEMO_KB_FOLDER } from '../../scripts/load-demo-data';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => err.push(t) } }, out, err };
}

function knowledgeBase() {
  const prefix = uniquePrefix();
  const env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
  const store = new TableArticleStore(
    new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, prefix).client('knowledge'),
  );
  return { env, store };
}

const OWNER = 'Isaiah Langer [15a1a400-0000-4000-8000-000000000010]';

describe('npm run kb -- import|export with CSV', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports the starter set to CSV; importing it into an empty knowledge base gives the same articles, and again changes nothing', async () => {
    const from = knowledgeBase();
    expect(await runKbCli(['import', DEMO_KB_FOLDER], from.env, io().io)).toBe(0);
    const file = path.join(dir, 'kb.csv');
    const exported = io();
    expect(await runKbCli(['export', '--format', 'csv', '--out', file], from.env, exported.io)).toBe(0);
    expect(exported.out.join('')).toBe(`kb export: 24 article(s) written to ${file}\n`);
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid,title,answer,language,solutions,categories,keywords,owner,status,reviewBy');

    const to = knowledgeBase();
    const imported = io();
    expect(await runKbCli(['import', file], to.env, imported.io)).toBe(0);
    expect(imported.out.join('')).toBe('kb import: 24 created, 0 updated, 0 unchanged, 0 row(s) with problems\n');
    for (const summary of await from.store.listSummaries()) {
      const [a, b] = [(await from.store.get(summary.id))!.article, (await to.store.get(summary.id))!.article];
      const content = ({ title, answer, language, solutionIds, categories, keywords, status, reviewBy }: typeof a) => ({
        title,
        answer,
        language,
        solutionIds,
        categories,
        keywords,
        status,
        reviewBy,
      });
      expect(content(b)).toEqual(content(a));
    }
    const again = io();
    expect(await runKbCli(['import', file], to.env, again.io)).toBe(0);
    expect(again.out.join('')).toBe('kb import: 0 created, 0 updated, 24 unchanged, 0 row(s) with problems\n');
  });

  it('keeps quotes, commas, line breaks, Korean and emoji in the answer, and the owner', async () => {
    const kb = knowledgeBase();
    const answer = 'He said "use the **form**", then:\n\n- open Power Apps, then 설정 🚀\n- "share" it\n\n=1+1 is text';
    const file = path.join(dir, 'quotes.csv');
    writeFileSync(
      file,
      'id,title,answer,language,solutions,categories,keywords,owner,status,reviewBy\r\n' +
        `kb-quotes,"Quotes, commas ""and"" 환경 🚀","${answer.replace(/"/g, '""')}",ko,expense-tracker; room-booking,access,"권한; share",${OWNER},published,2027-06-30\r\n`,
    );
    expect(await runKbCli(['import', file], kb.env, io().io)).toBe(0);
    const article = (await kb.store.get('kb-quotes'))!.article;
    expect(article).toMatchObject({
      title: 'Quotes, commas "and" 환경 🚀',
      answer,
      language: 'ko',
      solutionIds: ['expense-tracker', 'room-booking'],
      keywords: ['권한', 'share'],
      owner: { displayName: 'Isaiah Langer', aadObjectId: '15a1a400-0000-4000-8000-000000000010' },
      status: 'published',
      reviewBy: '2027-06-30',
    });
    const out = path.join(dir, 'quotes-out.csv');
    expect(await runKbCli(['export', '--out', out, '--format', 'csv'], kb.env, io().io)).toBe(0);
    const back = knowledgeBase();
    expect(await runKbCli(['import', out], back.env, io().io)).toBe(0);
    expect((await back.store.get('kb-quotes'))!.article).toMatchObject({ title: article.title, answer, owner: article.owner });
  });

  it('names the row, line and column of each problem, and imports the other rows', async () => {
    const kb = knowledgeBase();
    const file = path.join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'id,title,answer,language,owner,status',
        'kb-ok,Fine,"A fine\nanswer.",en,,draft',
        'Bad Id,Bad,"line one\nsee [this](https://example.invalid)",de,someone,maybe',
        'kb-ok,Again,Twice.,en,,draft',
        'kb-short,Short',
      ].join('\n'),
    );
    const run = io();
    expect(await runKbCli(['import', file], kb.env, run.io)).toBe(1);
    expect(run.err.join('')).toBe(
      [
        `${file}: row 2 (line 4), column id: invalid`,
        `${file}: row 2 (line 4), column answer, line 2 of the answer: link is not allowed (only paragraphs, lists, bold, italic)`,
        `${file}: row 2 (line 4), column language: invalid`,
        `${file}: row 2 (line 4), column owner: expected Name [entra-object-id] or Name <email> [entra-object-id]`,
        `${file}: row 2 (line 4), column status: must be draft, published or retired`,
        `${file}: row 3 (line 6), column id: kb-ok is also the id of row 1`,
        `${file}: row 4 (line 7): the row has 2 cells; the header has 6`,
        '',
      ].join('\n'),
    );
    expect(run.out.join('')).toBe('kb import: 1 created, 0 updated, 0 unchanged, 3 row(s) with problems\n');
    expect((await kb.store.get('kb-ok'))!.article.answer).toBe('A fine\nanswer.');

    writeFileSync(file, 'id,title,body\nkb-x,X,Y\n');
    const header = io();
    expect(await runKbCli(['import', file], kb.env, header.io)).toBe(1);
    expect(header.err.join('')).toBe(
      `${file}: header: unknown column "body" (expected: id, title, answer, language, solutions, categories, keywords, owner, status, reviewBy)\n`,
    );
  });
});
