import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('npm run kb -- import|export', () => {
  const prefix = uniquePrefix();
  const env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
  const store = new TableArticleStore(
    new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, prefix).client('knowledge'),
  );
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('imports the starter set (6 topics in en, fr, sv, ko), published; a second run changes nothing', async () => {
    const first = io();
    expect(await runKbCli(['import', DEMO_KB_FOLDER], env, first.io)).toBe(0);
    expect(first.out.join('')).toBe('kb import: 24 created, 0 updated, 0 unchanged, 0 file(s) with problems\n');
    const summaries = await store.listSummaries();
    expect(summaries).toHaveLength(24);
    expect(new Set(summaries.map((s) => s.language))).toEqual(new Set(['en', 'fr', 'sv', 'ko']));
    expect(summaries.every((s) => s.status === 'published')).toBe(true);
    expect((await store.get('access-to-an-app-ko'))?.article.title).toBe('앱 액세스 권한 받기');

    const again = io();
    expect(await runKbCli(['import', DEMO_KB_FOLDER], env, again.io)).toBe(0);
    expect(again.out.join('')).toBe('kb import: 0 created, 0 updated, 24 unchanged, 0 file(s) with problems\n');
  });

  it('reports each problem with its file and line, and imports the other files', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.md'), '---\nid: kb-good\ntitle: Good one\nstatus: draft\n---\nFine **answer**.\n');
    writeFileSync(
      path.join(dir, 'bad.md'),
      '---\nid: Bad Id\ntitle: Bad one\nlanguage: de\ncolour: blue\n---\n\nFirst line\nsee [this](https://example.invalid)\n<b>bold</b>\n',
    );
    const run = io();
    expect(await runKbCli(['import', dir], env, run.io)).toBe(1);
    expect(run.err.join('')).toBe(
      [
        `${path.join(dir, 'bad.md')}:2: id: invalid`,
        `${path.join(dir, 'bad.md')}:4: language: invalid`,
        `${path.join(dir, 'bad.md')}:5: unknown front matter line (expected one of: id, title, language, status, categories, solutions, keywords, review-by)`,
        `${path.join(dir, 'bad.md')}:9: answer: link is not allowed (only paragraphs, lists, bold, italic)`,
        `${path.join(dir, 'bad.md')}:10: answer: html is not allowed (only paragraphs, lists, bold, italic)`,
        '',
      ].join('\n'),
    );
    expect(run.out.join('')).toBe('kb import: 1 created, 0 updated, 0 unchanged, 1 file(s) with problems\n');
    expect((await store.get('kb-good'))?.article).toMatchObject({ status: 'draft', answer: 'Fine **answer**.' });
  });

  it('exports every article to a file that imports back unchanged', async () => {
    const dir = tempDir();
    const run = io();
    expect(await runKbCli(['export', dir], env, run.io)).toBe(0);
    expect(readdirSync(dir)).toHaveLength(25);
    expect(readFileSync(path.join(dir, 'access-to-an-app-en.md'), 'utf8')).toBe(
      readFileSync(path.join(DEMO_KB_FOLDER, 'access-to-an-app-en.md'), 'utf8'),
    );
    const back = io();
    expect(await runKbCli(['import', dir], env, back.io)).toBe(0);
    expect(back.out.join('')).toBe('kb import: 0 created, 0 updated, 25 unchanged, 0 file(s) with problems\n');
  });

  it('an edit updates the article with its history', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.md'), '---\nid: kb-good\ntitle: Good one, edited\nstatus: published\n---\nFine **answer**.\n');
    const run = io();
    expect(await runKbCli(['import', dir], env, run.io)).toBe(0);
    expect(run.out.join('')).toBe('kb import: 0 created, 1 updated, 0 unchanged, 0 file(s) with problems\n');
    expect((await store.get('kb-good'))?.article).toMatchObject({ title: 'Good one, edited', status: 'published', version: 2 });
    expect((await store.history('kb-good')).map((e) => e.type)).toEqual(['created', 'edited', 'status']);
  });
});
