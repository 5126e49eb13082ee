/**
 * Cards show text as text. Adaptive Cards render TextBlock `text` and FactSet titles and values as a
 * Markdown subset (bold, italic, strike-through, lists, links; Teams also links bare URLs), so a
 * description like `[Reset password](https://…)` would become a live link on the help desk's card.
 * Our templates use no Markdown of their own (styling is TextBlock `weight`, `color`, `size`), so
 * every such field is escaped as a whole once bound: user text, catalog text and our own words alike.
 * Other fields (inputs' values, labels, choice and action titles, action data, URLs) are not Markdown
 * and stay as they are. Backslash escapes are CommonMark's; Teams honours them on desktop, web and
 * mobile (microsoft/AdaptiveCards#5590, fixed on mobile since).
 */

/** Characters with a meaning anywhere in a line: emphasis, strike, code, link brackets, entities, the escape itself. */
const INLINE = /[\\`*_~[\]&]/g;
/** Line starts that make headings, quotes, lists and setext underlines: `#`, `>`, `-`, `+`, `=`, `1.` and `1)`. */
const LINE_START = /^([ \t]*)(?:([#>+=-])|(\d{1,9})([.)])(?=\s|$))/gm;
/** Bare links: a scheme's `://`, a `www.` host, an e-mail address's `@`. */
const SCHEME = /([a-z][a-z0-9+.-]*):(?=\/\/)/gi;
const WWW = /\b(www)\.(?=\S)/gi;
const EMAIL_AT = /(?<=[\w.+-])@(?=[\w-]+\.)/g;

/** The Markdown-escaped form of `text`: shown exactly as typed, never as formatting or a link. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_whole, indent: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${indent}\\${mark}` : `${indent}${digits}\\${dot}`,
    )
    .replace(SCHEME, '$1\\:')
    .replace(WWW, '$1\\.')
    .replace(EMAIL_AT, '\\@');
}

/**
 * Escapes every Markdown field of a bound card in place and returns it: TextBlock `text`, the title
 * and value of FactSet facts, and the text of Teams mention entities (which must still match the
 * `<at>…</at>` text in the TextBlock they name).
 */
export function plainTextCard<T>(card: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') element.text = escapeMarkdown(element.text);
    if (element.type === 'mention' && typeof element.text === 'string') element.text = escapeMarkdown(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as Array<Record<string, unknown>>) {
        if (fact === null || typeof fact !== 'object') continue;
        if (typeof fact.title === 'string') fact.title = escapeMarkdown(fact.title);
        if (typeof fact.value === 'string') fact.value = escapeMarkdown(fact.value);
      }
    }
    Object.values(element).forEach(visit);
  };
  visit(card);
  return card;
}
