/**
 * Small files with one purpose (README "Architecture"): no source file in src/ is over 250 lines, so
 * a file that grows a second job is split along its seams rather than left to grow. The only exception
 * is generated (src/domain/message-keys.ts, written by `npm run i18n:keys`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');
const MAX_LINES = 250;
/** Generated files, relative to the project root: never edited by hand, so never split by hand. */
const GENERATED = ['src/domain/message-keys.ts'];

/** Every .ts file under `dir`, relative to the project root with forward slashes. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
  });
}

/** Lines as `wc -l` counts them, plus a last line without a newline. */
function linesOf(content: string): number {
  if (content === '') return 0;
  const lines = content.split(/\r?\n/);
  return content.endsWith('\n') ? lines.length - 1 : lines.length;
}

describe('source file size', () => {
  const files = sourceFiles(SRC);

  it(`no file in src/ but the generated ones is over ${MAX_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(100);
    const tooLong = files
      .filter((file) => !GENERATED.includes(file))
      .map((file) => ({ file, lines: linesOf(readFileSync(path.join(ROOT, file), 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });

  it('each exempt file exists and says it is generated', () => {
    for (const file of GENERATED) {
      expect(files).toContain(file);
      expect(readFileSync(path.join(ROOT, file), 'utf8').split('\n', 1)[0]).toMatch(/Written by `npm run [^`]+`.*do not edit/);
    }
  });

  it('counts lines as wc -l does (and a last line without a newline)', () => {
    expect(['', 'a', 'a\n', 'a\nb', 'a\nb\n', 'a\r\nb\r\n', '\n\n'].map(linesOf)).toEqual([0, 1, 1, 2, 2, 2, 2]);
    expect(linesOf('x\n'.repeat(MAX_LINES + 1))).toBe(MAX_LINES + 1);
  });
});
