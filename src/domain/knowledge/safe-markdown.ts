/**
 * The Markdown an article's answer may use: paragraphs, bullet and numbered lists, **bold** and
 * *italic*. Cards show it as structured text (src/presentation/knowledge-cards.ts turns the blocks
 * into RichTextBlock runs), never as Markdown a TextBlock would interpret, so links, images, HTML,
 * headings, quotes and code cannot reach a card. Anything else is reported (import refuses it with
 * its line) or stripped to its plain text (an article drafted from a ticket's resolution).
 */

export interface Run {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface Block {
  readonly kind: 'paragraph' | 'bullet' | 'numbered';
  /** The item's number in a numbered list. */
  readonly number?: number;
  readonly runs: readonly Run[];
}

export type MarkdownProblem = 'html' | 'link' | 'image' | 'heading' | 'quote' | 'code' | 'table';

export interface FoundProblem {
  /** 1-based line of the answer. */
  readonly line: number;
  readonly problem: MarkdownProblem;
}

const CHECKS: ReadonlyArray<readonly [MarkdownProblem, RegExp]> = [
  ['image', /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/],
  ['link', /\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|<[a-z][a-z0-9+.-]{0,30}:[^>\s]{0,2000}>/i],
  ['html', /<\/?[a-z][^>\n]{0,500}>|&[a-z]{1,10};|&#\d{1,7};/i],
  ['heading', /^\s{0,3}#{1,6}\s/],
  ['quote', /^\s{0,3}>/],
  ['code', /`|^( {4}|\t)\S/],
  ['table', /^\s*\|.*\|\s*$/],
];

/** Every construct outside the subset, with its line (input limits are checked before, by the caller). */
export function markdownProblems(markdown: string): FoundProblem[] {
  const found: FoundProblem[] = [];
  markdown.split('\n').forEach((line, i) => {
    for (const [problem, pattern] of CHECKS) if (pattern.test(line)) found.push({ line: i + 1, problem });
  });
  return found;
}

/** The text with everything outside the subset turned into its plain text. */
export function stripToSafeMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
    .replace(/\[([^\]\n]{0,500})\]\(([^)\n]{0,2000})\)/g, '$1 ($2)')
    .replace(/<\/?[a-z][^>\n]{0,500}>/gi, '')
    .replace(/&(?:[a-z]{1,10}|#\d{1,7});/gi, ' ')
    .replace(/`/g, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+(.*)$/, '**$1**')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^( {4}|\t)+/, '')
        .replace(/^\s*\|(.*)\|\s*$/, (_w, cells: string) =>
          cells
            .split('|')
            .map((c) => c.trim())
            .join(' – '),
        ),
    )
    .join('\n');
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/;
/** **bold**, *italic* and _italic_ (not inside words for underscores). */
const INLINE = /\*\*([^*\n]+)\*\*|\*([^*\s][^*\n]*)\*|(?<![\p{L}\p{N}])_([^_\s][^_\n]*)_(?![\p{L}\p{N}])/gu;

/** The answer as blocks of runs (the subset only: call stripToSafeMarkdown first for untrusted text). */
export function toBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', runs: runsOf(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet) {
      flush();
      blocks.push({ kind: 'bullet', runs: runsOf(bullet[1]!) });
    } else if (numbered) {
      flush();
      blocks.push({ kind: 'numbered', number: Number(numbered[1]), runs: runsOf(numbered[2]!) });
    } else if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

function runsOf(line: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    if (match.index > last) runs.push({ text: line.slice(last, match.index), bold: false, italic: false });
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true, italic: false });
    else runs.push({ text: (match[2] ?? match[3])!, bold: false, italic: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last), bold: false, italic: false });
  return runs;
}

/**
 * The first `maxChars` characters of the blocks' text in at most `maxRuns` runs (whole blocks, the last
 * one cut and marked), for a card's excerpt: both bound the card's size, whatever the Markdown.
 */
export function excerpt(blocks: readonly Block[], maxChars: number, maxRuns = 40): Block[] {
  const out: Block[] = [];
  let left = maxChars;
  let runsLeft = maxRuns;
  for (const block of blocks) {
    if (left <= 0 || runsLeft <= 0) break;
    const runs: Run[] = [];
    for (const run of block.runs) {
      if (left <= 0 || runsLeft <= 0) break;
      const cut = Array.from(run.text).slice(0, left).join('');
      runs.push(cut.length < run.text.length ? { ...run, text: `${cut}…` } : run);
      left -= cut.length;
      runsLeft -= 1;
    }
    out.push({ ...block, runs });
  }
  return out;
}
