/**
 * A questionnaire started from what someone wrote in chat ("my expense app won't save receipts"):
 * the message becomes the description's first draft, and its distinctive words the catalog search
 * offered on the solution step. Pure; the conversation-start service loads and saves the draft.
 */
import { STOP_WORDS, tokenize } from '../catalog/search/text-normalization';
import type { IntakeDraft } from './intake-draft';
import { INTAKE_LIMITS } from './intake-validation';
import { titleFrom } from './message-report';

/**
 * The longest message kept as an opening text: a few times the description's limit, so someone who
 * wrote too much sees all of it on the card and is told how much to shorten (never cut silently).
 */
export const OPENING_TEXT_LIMIT = INTAKE_LIMITS.description * 4;

/** At most this many words of a message are searched for. */
const SEARCH_WORDS = 8;

/**
 * Words of a request that say nothing about which solution it is (folded: lower case, no accents),
 * in the bot's languages. Matched against the catalog they would only find names by chance.
 */
// prettier-ignore
const CHAT_WORDS: ReadonlySet<string> = new Set([
  'i', 'im', 'me', 'we', 'it', 'is', 'its', 'this', 'that', 'can', 'cant', 'cannot', 'won', 'wont', 'don', 'dont', 'doesn', 'isn', 'not',
  'no', 't', 's', 'need', 'needs', 'help', 'please', 'hi', 'hello', 'hey', 'app', 'apps', 'application', 'problem', 'problems', 'issue',
  'issues', 'error', 'errors', 'work', 'works', 'working', 'broken', 'anymore', 'again', 'any', 'some', 'when', 'why', 'how', 'what',
  'there', 'have', 'has', 'get', 'got', 'does', 'do', 'be', 'am', 'are', 'je', 'j', 'ai', 'mon', 'ma', 'mes', 'ne', 'pas', 'plus',
  'besoin', 'aide', 'aidez', 'moi', 'svp', 'merci', 'bonjour', 'marche', 'fonctionne', 'probleme', 'erreur', 'appli', 'est', 'il',
  'elle', 'ca', 'ce', 'qui', 'que', 'peux', 'peut', 'jag', 'min', 'mitt', 'mina', 'behover', 'hjalp', 'hej', 'tack', 'inte', 'fungerar',
  'funkar', 'fel', 'appen', 'det', 'den', 'kan', 'har', 'ar', 'att', 'som', 'nar', '안녕하세요', '도와주세요', '도움', '도움이', '필요해요', '필요합니다', '문제',
  '문제가', '오류', '오류가', '앱', '앱이', '제', '제가', '저', '내', '안', '돼요', '됩니다', '않아요', '안돼요',
]);

/** The words of a message worth searching the catalog for, as one query (empty when it has none). */
export function searchWordsOf(message: string): string {
  // Only the start of a long message: the solution is usually named early, and the search stays small.
  const words = tokenize(message.slice(0, 1_000)).filter((w) => !STOP_WORDS.has(w) && !CHAT_WORDS.has(w) && isWord(w));
  const kept: string[] = [];
  for (const word of new Set(words)) {
    if (kept.length === SEARCH_WORDS || [...kept, word].join(' ').length > INTAKE_LIMITS.searchQuery) break;
    kept.push(word);
  }
  return kept.join(' ');
}

/** A word of one Latin letter or digit says nothing; one Hangul syllable or CJK character may ("앱" aside). */
function isWord(word: string): boolean {
  return word.length > 1 || word > '\u007f';
}

/** The message, kept as written (line breaks folded as the description folds them), as the draft's opening. */
export function openedWith(draft: IntakeDraft, message: string): IntakeDraft {
  const openingText = message.replace(/\r\n?/g, '\n').trim();
  const suggestedQuery = searchWordsOf(openingText);
  return { ...draft, openingText, ...(suggestedQuery ? { suggestedQuery } : {}) };
}

/** Whether a message can still become this draft's opening: nothing written on it yet. */
export function canAdoptOpening(draft: IntakeDraft): boolean {
  return draft.openingText === undefined && draft.details === undefined;
}

/** What the details step shows before the requester typed anything there: the title and description the message suggests. */
export function openingValues(draft: IntakeDraft): { readonly title: string; readonly description: string } {
  const description = draft.openingText ?? '';
  return { title: description ? titleFrom(description) : '', description };
}

/** The search the solution step shows: theirs, or the one the opening suggested. */
export function queryOf(draft: IntakeDraft): string {
  return draft.searchQuery ?? draft.suggestedQuery ?? '';
}
