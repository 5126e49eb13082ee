/**
 * "Report a problem" from a Teams message: the message's words become the questionnaire's title and
 * description, as a first draft the requester edits. Pure: the Teams layer hands over whatever the
 * message action carried, untrusted and of any size or type.
 *
 * Bounded before anything reads it: the raw content is cut first (the intake's description limit,
 * with room for the markup a Teams message carries: paragraphs, mentions, links), then its HTML is
 * read by a single linear scan (no pattern over the raw text), then the text is cut to the intake's
 * limits.
 */
import type { SupportRequest } from './support-request';
import type { SolutionMatch } from '../ports/catalog';
import type { SubmissionLimited } from './intake-view';
import { INTAKE_LIMITS, type FieldErrors } from './intake-validation';
import { capText } from '../cap-text';

/** Raw characters read from a message: the description's limit, four times over for markup. */
export const MESSAGE_RAW_LIMIT = INTAKE_LIMITS.description * 4;

export interface MessageDraft {
  readonly title: string;
  readonly description: string;
  /** Characters of the message's text the description could not hold: the form says so (nothing is cut silently). */
  readonly leftOut?: number;
}

/** What the form holds, as typed (untrusted until the intake validates it; each capped by the Teams layer). */
export interface ReportValues {
  readonly category: string;
  readonly query: string;
  readonly solutionId: string;
  readonly title: string;
  readonly description: string;
  readonly since: string;
  readonly impact: string;
  readonly urgency: string;
}

export const EMPTY_REPORT: ReportValues = {
  category: '',
  query: '',
  solutionId: '',
  title: '',
  description: '',
  since: '',
  impact: '',
  urgency: '',
};

export type MessageReportView =
  | {
      readonly kind: 'form';
      readonly intakeId: string;
      readonly values: ReportValues;
      /** The catalog's answer to the last search on this draft. */
      readonly matches: readonly SolutionMatch[];
      readonly errors?: FieldErrors;
      /** Send was refused by the per-person limit (the draft is kept). */
      readonly limited?: SubmissionLimited;
      /** The message was longer than a description holds: how many characters were not copied into it. */
      readonly leftOut?: number;
    }
  | { readonly kind: 'submitted'; readonly request: SupportRequest }
  | { readonly kind: 'closed'; readonly reason: 'cancelled' | 'expired' | 'not-found' };

/** Search the catalog with the form's query, or send the form. */
export type ReportAction = 'search' | 'send';

/** The message a report starts from: its body as Teams sent it (any type, any size). */
export interface ReportedMessage {
  readonly content: unknown;
  readonly contentType: unknown;
}

/** Tags that end a line of text (block elements and line breaks). */
const LINE_TAGS: ReadonlySet<string> = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Longest entity read (`&#x10FFFF;` is 10 characters): anything longer is plain text. */
const MAX_ENTITY = 10;

/**
 * The title and description a message offers. `content` and `contentType` are the message's
 * `body.content` and `body.contentType` as Teams sent them (anything else counts as no text).
 */
export function draftFromMessage(content: unknown, contentType: unknown): MessageDraft {
  if (typeof content !== 'string') return { title: '', description: '' };
  const raw = capText(content, MESSAGE_RAW_LIMIT);
  const plain = contentType === 'text' ? raw : textOfHtml(raw.length < content.length ? withoutCutTag(raw) : raw);
  const whole = tidy(plain);
  const description = capText(whole, INTAKE_LIMITS.description).trimEnd();
  // Past the raw limit the rest was never read: at least that much more is left out.
  const leftOut = whole.trimEnd().length - description.length + (content.length - raw.length);
  return { title: titleFrom(description), description, ...(leftOut > 0 ? { leftOut } : {}) };
}

/** HTML cut at the limit may end inside a tag (`…<spa`): that part is markup, not words. */
function withoutCutTag(html: string): string {
  const open = html.lastIndexOf('<');
  return open > html.lastIndexOf('>') ? html.slice(0, open) : html;
}

/** The first line with words, on one line, cut to the title's limit (with an ellipsis when cut). */
export function titleFrom(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const single = line.replace(/\s+/g, ' ').trim();
  if (single.length <= INTAKE_LIMITS.title) return single;
  return `${capText(single, INTAKE_LIMITS.title - 1).trimEnd()}…`;
}

/** Kept here for this file's callers; it lives in `../cap-text` so the request's snapshot can use it without a cycle. */
export { capText };

/**
 * The text of an HTML fragment: tags dropped (block tags and `<br>` end a line), the common
 * entities decoded. One pass; a `<` without a closing `>` is text.
 */
export function textOfHtml(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i + 1);
      if (end < 0) {
        out += html.slice(i);
        break;
      }
      // `<br>` is a line break; a block tag starts or ends a line (once: `</p><p>` is one break).
      const name = tagName(html, i + 1, end);
      if (name === 'br' || (LINE_TAGS.has(name) && !out.endsWith('\n'))) out += '\n';
      i = end + 1;
    } else if (c === '&') {
      const [decoded, length] = entityAt(html, i);
      out += decoded;
      i += length;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The lower-case name of the tag between `start` (after `<`) and `end` (the `>`), without `/`. */
function tagName(html: string, start: number, end: number): string {
  let i = start;
  if (html[i] === '/') i += 1;
  let name = '';
  while (i < end && name.length < 16) {
    const c = html[i]!.toLowerCase();
    if (c < 'a' || c > 'z') {
      if (name === '' || c < '0' || c > '9') break;
    }
    name += c;
    i += 1;
  }
  return name;
}

/** The entity at `at` (which holds `&`) decoded, and how many characters it took; `&` alone otherwise. */
function entityAt(html: string, at: number): [string, number] {
  const semicolon = html.indexOf(';', at + 1);
  if (semicolon < 0 || semicolon - at > MAX_ENTITY) return ['&', 1];
  const body = html.slice(at + 1, semicolon);
  const named = Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body] : undefined;
  if (named !== undefined) return [named, body.length + 2];
  const code = /^#[0-9]{1,7}$/.test(body) ? Number(body.slice(1)) : /^#x[0-9a-f]{1,6}$/i.test(body) ? parseInt(body.slice(2), 16) : NaN;
  if (!Number.isInteger(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ['&', 1];
  return [String.fromCodePoint(code), body.length + 2];
}

/** Line breaks as `\n`, blanks folded, no control characters, at most one empty line in a row. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
