import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { MAX_COMMAND_LENGTH, normaliseCommandText } from '../../../src/teams/command-text';
import { commandTable } from '../../../src/teams/commands';

/**
 * Every regular expression the route table uses must run in linear time on any text, so that a
 * message cannot block the process (a pattern with adjacent quantifiers over the same characters
 * took 2.5–3.2 s on "solution x" + 2,000 spaces + "x", growing with the cube of the length).
 *
 * The patterns are collected from the source, not from a list kept by hand: every regex literal in
 * the route files, in the text normaliser that runs before them and in the command table
 * (src/teams/commands.ts), including ones a handler uses. Commands themselves are phrases from the
 * locale resources, matched by map lookups and startsWith / endsWith (measured below as well).
 *
 * JavaScript exposes no count of regex steps, so this measures time in a way that cannot flake: the
 * inputs are long enough (up to 100,000 characters) that a super-linear pattern takes seconds while
 * a linear one takes well under a millisecond, and the bound (50 ms) sits orders of magnitude from
 * both. A slow run is measured again and only the fastest counts, so a pause of the machine is not
 * taken for a slow pattern. Sizes grow from 1,000 so that a bad pattern fails fast.
 */
const SOURCES = [
  ...fs.readdirSync(path.join(__dirname, '../../../src/teams/routes')).map((f) => `src/teams/routes/${f}`),
  'src/teams/command-text.ts',
  'src/teams/commands.ts',
];
const BOUND_MS = 50;
/**
 * A loaded machine slows every regex alike, so the bound also scales with a linear reference measured
 * on the same input at the same moment: one pass of a Unicode class that never matches. A linear
 * pattern costs a few such passes (one that matches every character, scanned then replaced globally,
 * took 61 ms on 100,000 emoji with the whole suite running: more than 25 passes); a super-linear one,
 * thousands or more.
 */
const REFERENCE = /[\p{Co}\u{10FFFE}]/u;
const REFERENCE_FACTOR = 100;
const SIZES = [1_000, 10_000, 100_000];

interface Collected {
  readonly file: string;
  readonly literal: string;
  readonly regex: RegExp;
}

function regexLiterals(file: string): Collected[] {
  const text = fs.readFileSync(path.join(__dirname, '../../..', file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Collected[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const end = literal.lastIndexOf('/');
      found.push({ file, literal, regex: new RegExp(literal.slice(1, end), literal.slice(end + 1)) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Text that drives backtracking: command words, then a long run of something, then a near miss. */
const STEMS = [
  '',
  'solution',
  'solution x',
  'solution:',
  'solution -',
  'how is',
  'how is x',
  'how is x supported',
  'who supports',
  'who supports x',
  'ticket',
  'ticket HD-',
  'open tickets',
  'open tickets sev',
  'unassigned',
  'mine',
  'register',
  'register help',
  'register help desk',
  'new request',
  'new',
  'hi',
  'my requests',
  'my solutions',
  'outbox status',
  '<at>Support Desk</at>',
  'nouvelle demande',
  'mes demandes',
  'ny förfrågan',
  'mina ärenden',
  '새 요청',
  '내 요청',
  '안녕하세요',
  'ärende',
  'register help desk fr',
];
const FILLERS = [
  ' ',
  '\t',
  '\n',
  '.',
  ' .',
  '!?',
  'a',
  'a ',
  ' supported',
  'ticket ',
  'new request ',
  'sev a ',
  '안녕하세요 ',
  '😀',
  'é',
  'e\u0301',
  ' x/y',
];
const ENDINGS = ['', 'x', '!', ' x', '.x', '\u0000'];

interface Input {
  readonly label: string;
  readonly text: string;
  /** No command stem: the input an unanchored pattern's global scan is measured on. */
  readonly bare: boolean;
}

function* adversarialInputs(size: number): Generator<Input> {
  for (const stem of STEMS) {
    for (const filler of FILLERS) {
      const run = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
      for (const ending of ENDINGS) {
        yield {
          label: `${JSON.stringify(stem)} + ${size} × ${JSON.stringify(filler)} + ${JSON.stringify(ending)}`,
          text: stem + run + ending,
          bare: stem === '',
        };
      }
    }
  }
}

/**
 * How the route table and handlers use a pattern: test and exec, and for a pattern not anchored at
 * the start also split and replace, which try it at every position (a global scan). A short command
 * word in front changes nothing for those, so the scan is measured on the inputs without one.
 */
function run(pattern: Collected, input: Input): void {
  const { regex } = pattern;
  regex.lastIndex = 0;
  regex.exec(input.text);
  if (input.bare && !(regex.source.startsWith('^') && !regex.multiline)) {
    input.text.replace(new RegExp(regex.source, regex.global ? regex.flags : `${regex.flags}g`), '');
  }
}

function timed(pattern: Collected, input: Input): number {
  const started = process.hrtime.bigint();
  run(pattern, input);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The fastest of up to five runs: only a pattern that is slow every time counts as slow (a super-linear
 * one takes seconds on every run; a linear one over the bound was paused by a busy machine).
 */
function fastest(pattern: Collected, input: Input): number {
  let best = timed(pattern, input);
  for (let i = 0; i < 4 && best > BOUND_MS; i++) best = Math.min(best, timed(pattern, input));
  return best;
}

/** The bound for one input: 50 ms, or 100 linear passes over it when the machine is slow right now. */
function boundFor(input: Input): number {
  let reference = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    REFERENCE.exec(input.text);
    reference = Math.min(reference, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.max(BOUND_MS, REFERENCE_FACTOR * reference);
}

/** The patterns that took longer than the bound, each with the first input that showed it. */
function slowPatterns(patterns: readonly Collected[]): string[] {
  // Warm up: V8 interprets a regex's first runs and compiles it to native code after.
  const warmUp: Input = { label: 'warm-up', text: 'solution x  x. new request!', bare: true };
  for (const pattern of patterns) for (let i = 0; i < 3; i++) run(pattern, warmUp);
  const slow = new Map<Collected, string>();
  for (const size of SIZES) {
    for (const input of adversarialInputs(size)) {
      for (const pattern of patterns) {
        if (slow.has(pattern)) continue;
        const ms = fastest(pattern, input);
        if (ms > boundFor(input)) slow.set(pattern, `${pattern.file}: ${pattern.literal} took ${ms.toFixed(0)} ms on ${input.label}`);
      }
    }
  }
  return [...slow.values()];
}

describe('route patterns run in linear time', () => {
  const patterns = SOURCES.flatMap(regexLiterals);

  it('finds the patterns of every route file that routes messages, and no pattern built at run time', () => {
    for (const file of SOURCES) {
      const text = fs.readFileSync(path.join(__dirname, '../../..', file), 'utf8');
      expect({ file, dynamic: /\bRegExp\s*\(/.test(text) }).toEqual({ file, dynamic: false });
      // A file that routes messages does it with patterns or with the command table's phrases.
      const routesByPhrases = text.includes("from '../commands'");
      if (text.includes('app.message('))
        expect({ file, hasPatterns: routesByPhrases || patterns.some((p) => p.file === file) }).toEqual({ file, hasPatterns: true });
    }
    expect(patterns.length).toBeGreaterThanOrEqual(10);
  });

  it('stays within 50 ms on adversarial inputs of up to 100,000 characters (or 100 linear passes on a slow machine)', () => {
    expect(slowPatterns(patterns)).toEqual([]);
  }, 120_000);

  it('would catch a super-linear pattern (the one that blocked the process before)', () => {
    const before = {
      file: 'intake-routes.ts before the fix',
      literal: 'START',
      regex: /^\s*(new request|new|start a request|report a problem)\s*[.!]?\s*$/i,
    };
    expect(slowPatterns([before])).toEqual([expect.stringContaining('took')]);
  }, 120_000);
});

describe('the command table runs in linear time', () => {
  it('matches adversarial inputs of up to 100,000 characters within 50 ms each (or 100 linear passes on a slow machine)', () => {
    const table = commandTable();
    const slow: string[] = [];
    // The middleware normalises and caps text before any route; the table refuses longer text itself.
    for (const size of [100, MAX_COMMAND_LENGTH - 20, 100_000]) {
      for (const input of adversarialInputs(size)) {
        const text = input.text.length <= MAX_COMMAND_LENGTH ? normaliseCommandText(input.text) : input.text;
        // The fastest of up to five runs, as for the patterns: a pause of the machine is not a slow match.
        let ms = Infinity;
        for (let i = 0; i < 5 && ms > BOUND_MS; i++) {
          const started = process.hrtime.bigint();
          table.match(text);
          ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
        }
        if (ms > boundFor(input) && slow.length < 5) slow.push(`${ms.toFixed(0)} ms on ${input.label}`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});

describe('text the route patterns see', () => {
  it.each([
    ['spaces around and between words', '  new   request  ', 'new request'],
    ['tabs and line breaks', '\tmy\nrequests\r\n', 'my requests'],
    ['the 2,000 spaces that blocked the process', 'solution x' + ' '.repeat(2_000) + 'x', 'solution x x'],
    ['no-break and ideographic spaces', 'open\u00a0tickets\u3000sev a', 'open tickets sev a'],
    ['nothing', '', ''],
  ])('normalises %s', (_label, raw, expected) => {
    expect(normaliseCommandText(raw)).toBe(expected);
  });
});
