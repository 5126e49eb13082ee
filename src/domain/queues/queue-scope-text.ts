/**
 * What an admin types after "register help desk" to name a queue's scope: "for Finance",
 * "categories access, connector", "for Finance categories access". The queue id follows from the
 * scope, so registering the same scope again (in another channel) moves that queue, and
 * "unregister help desk for Finance" finds it.
 */
import type { RequestCategory } from '../request-category';
import { DEFAULT_HELP_DESK_QUEUE, helpDeskQueueNamed, type HelpDeskQueueId } from './queue';
import type { HelpDeskQueueScope } from './queue-selection';

/** Longest business unit name (the catalog's column limit). */
export const MAX_BUSINESS_UNIT_LENGTH = 200;

/** The category words an admin may type: each category's id and a short name. */
const CATEGORY_WORDS: Readonly<Record<string, RequestCategory>> = {
  'solution-problem': 'solution-problem',
  problem: 'solution-problem',
  problems: 'solution-problem',
  access: 'access',
  'find-or-how-to': 'find-or-how-to',
  find: 'find-or-how-to',
  'how-to': 'find-or-how-to',
  'connector-or-environment': 'connector-or-environment',
  connector: 'connector-or-environment',
  connectors: 'connector-or-environment',
  environment: 'connector-or-environment',
  environments: 'connector-or-environment',
  'platform-issue': 'platform-issue',
  platform: 'platform-issue',
  'maker-stuck': 'maker-stuck',
  stuck: 'maker-stuck',
  graduation: 'graduation',
};

export type ScopeParse =
  | { readonly ok: true; readonly queue: HelpDeskQueueId; readonly scope: Omit<HelpDeskQueueScope, 'queue'> }
  | { readonly ok: false; readonly problem: 'no-scope' | 'business-unit-too-long' }
  | { readonly ok: false; readonly problem: 'unknown-category'; readonly word: string };

/** `words`: whitespace-normalised, the command's leading words and the channel's settings removed. */
export function parseQueueScope(words: string): ScopeParse {
  const lower = words.toLowerCase();
  let at = -1;
  let keyword = '';
  for (const k of ['categories ', 'category ']) {
    const i = lower.startsWith(k) ? 0 : lower.indexOf(` ${k}`);
    if (i >= 0 && (at < 0 || i < at)) [at, keyword] = [i, k];
  }
  const before = (at < 0 ? words : words.slice(0, at)).trim();
  const list = at < 0 ? '' : words.slice(at + (at === 0 ? 0 : 1) + keyword.length);
  const forMatch = /^for (?:business unit )?(.*)$/i.exec(before);
  if (before !== '' && !forMatch) return { ok: false, problem: 'no-scope' };
  const businessUnit = forMatch?.[1]?.trim() ?? '';
  if (businessUnit.length > MAX_BUSINESS_UNIT_LENGTH) return { ok: false, problem: 'business-unit-too-long' };
  const categories: RequestCategory[] = [];
  for (const word of list.split(/[,\s]+/).filter((w) => w !== '' && w.toLowerCase() !== 'and')) {
    const category = CATEGORY_WORDS[word.toLowerCase()];
    if (!category) return { ok: false, problem: 'unknown-category', word: word.slice(0, 64) };
    if (!categories.includes(category)) categories.push(category);
  }
  categories.sort();
  if (businessUnit === '' && categories.length === 0) return { ok: false, problem: 'no-scope' };
  const scope = { businessUnits: businessUnit === '' ? [] : [businessUnit], categories };
  return { ok: true, queue: queueIdOfScope(scope), scope };
}

/** The queue a scope names: a readable id when it fits ("help-desk:finance-access"), else a hashed one. */
export function queueIdOfScope(scope: Omit<HelpDeskQueueScope, 'queue'>): HelpDeskQueueId {
  const name = [...scope.businessUnits.map((b) => b.trim().toLowerCase()), ...[...scope.categories].sort()].join(' ');
  const named = helpDeskQueueNamed(name);
  if (named !== undefined && named !== DEFAULT_HELP_DESK_QUEUE) return named;
  return `help-desk:q-${fnv1a(name)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: stable across instances and versions. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
