/**
 * Which command a message is, in any of the bot's languages (phrases from the locale resources:
 * src/i18n/command-phrases.ts). Matching ignores case, accents and the punctuation people end a
 * sentence with ("Nouvelle demande !", "MES DEMANDES", "안녕하세요!"), and is linear by construction:
 * a map lookup for whole-message commands, a few `startsWith` / `endsWith` for the ones that take a
 * name or a number. It sees text the command-text middleware normalised and capped (command-text.ts).
 */
import type { TurnContext } from 'botbuilder';
import { commandPhrases, type CommandName, type CommandPhrases } from '../i18n/command-phrases';
import { MAX_COMMAND_LENGTH } from './command-text';

export type { CommandName } from '../i18n/command-phrases';

export interface CommandMatch {
  readonly name: CommandName;
  /** What follows "ticket", or the name a lookup names, as typed (case and accents kept). */
  readonly argument?: string;
  /** A ticket list's severity filter ("open tickets sev a"). */
  readonly severity?: 'A' | 'B' | 'C';
}

/** Commands that take what follows them ("ticket HD-42", "report last 4 weeks"). */
const PREFIX_COMMANDS: ReadonlySet<CommandName> = new Set(['ticket', 'report']);
/** Commands whose phrases hold `{{name}}` ("how is {{name}} supported"). */
const TEMPLATE_COMMANDS: ReadonlySet<CommandName> = new Set(['solutionLookup', 'helpWith']);
/** Ticket lists, which take a severity filter; the severity words themselves are no command. */
const LIST_COMMANDS: ReadonlySet<CommandName> = new Set(['openTickets', 'unassigned', 'mine']);
const NAME = '{{name}}';
const SEVERITIES = ['a', 'b', 'c'] as const;

/** Text folded for comparison, and where each folded code unit came from in the original. */
interface Folded {
  readonly text: string;
  /** `from[i]`: the original index of folded index i; `from[text.length]` is the original's length. */
  readonly from: readonly number[];
}

/** Lower case without accents ("É" → "e"), Hangul syllables kept whole, any space one space, ’ as '. */
export function foldForCommands(raw: string): Folded {
  let text = '';
  const from: number[] = [];
  let at = 0;
  for (const ch of raw) {
    const folded = ch < '\u0080' ? (ch <= ' ' ? ' ' : ch.toLowerCase()) : foldChar(ch);
    for (let k = 0; k < folded.length; k++) from.push(at);
    text += folded;
    at += ch.length;
  }
  from.push(at);
  return { text, from };
}

function foldChar(ch: string): string {
  if (/\s/u.test(ch)) return ' ';
  if (ch === '\u2019' || ch === '\u2018') return "'";
  return ch
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

function fold(phrase: string): string {
  return foldForCommands(phrase).text.replace(/ +/g, ' ').trim();
}

/** Sentence punctuation people end a command with, in the bot's languages. */
const END_PUNCTUATION = new Set([' ', '.', '!', '?', '…', '。', '！', '？']);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export class CommandTable {
  private readonly exact = new Map<string, CommandName[]>();
  private readonly prefixes: Array<{ readonly phrase: string; readonly name: CommandName }> = [];
  private readonly templates: Array<{ readonly prefix: string; readonly suffix: string; readonly name: CommandName }> = [];
  private readonly severityWords: string[] = [];

  constructor(phrases: CommandPhrases) {
    for (const [name, list] of Object.entries(phrases) as Array<[CommandName, readonly string[]]>) {
      for (const phrase of list) {
        if (name === 'severity') {
          if (fold(phrase) !== '') this.severityWords.push(fold(phrase));
        } else if (TEMPLATE_COMMANDS.has(name)) {
          const at = phrase.indexOf(NAME);
          if (at < 0) continue;
          const prefix = fold(phrase.slice(0, at));
          const suffix = fold(phrase.slice(at + NAME.length));
          if (prefix !== '' || suffix !== '') this.templates.push({ prefix, suffix, name });
        } else if (PREFIX_COMMANDS.has(name)) {
          if (fold(phrase) !== '') this.prefixes.push({ phrase: fold(phrase), name });
        } else {
          const key = fold(phrase);
          if (key === '') continue;
          const names = this.exact.get(key) ?? [];
          if (!names.includes(name)) names.push(name);
          this.exact.set(key, names);
        }
      }
    }
  }

  /** Every command the text can be, most specific first (a route decides between those that clash). */
  match(typed: string): CommandMatch[] {
    if (typed.length > MAX_COMMAND_LENGTH) return [];
    // Composed first: decomposed input (jamo, e + accent) is the same text; arguments come from this form.
    const raw = typed.normalize('NFC');
    const folded = foldForCommands(raw);
    let start = 0;
    let end = folded.text.length;
    while (start < end && folded.text[start] === ' ') start++;
    while (end > start && END_PUNCTUATION.has(folded.text[end - 1]!)) end--;
    const text = folded.text.slice(start, end);
    if (text === '') return [];
    const original = (from: number, to: number) => raw.slice(folded.from[start + from], folded.from[start + to]).trim();
    const found: CommandMatch[] = (this.exact.get(text) ?? []).map((name) => ({ name }));

    for (const word of this.severityWords) {
      for (const letter of SEVERITIES) {
        for (const tail of [` ${word} ${letter}`, ` ${word}${letter}`]) {
          if (!text.endsWith(tail)) continue;
          for (const name of this.exact.get(text.slice(0, -tail.length)) ?? []) {
            if (LIST_COMMANDS.has(name)) found.push({ name, severity: letter.toUpperCase() as 'A' | 'B' | 'C' });
          }
        }
      }
    }

    for (const { phrase, name } of this.prefixes) {
      if (!text.startsWith(phrase) || isWordChar(text[phrase.length])) continue;
      found.push({ name, argument: original(phrase.length, text.length) });
    }

    for (const { prefix, suffix, name } of this.templates) {
      if (text.length < prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) continue;
      const nameEnd = text.length - suffix.length;
      // Whole words: "solutions" is not "solution …", "xsupported" not "… supported".
      if (prefix !== '' && nameEnd > prefix.length && isWordChar(text[prefix.length]) && isWordChar(prefix[prefix.length - 1])) continue;
      if (suffix !== '' && nameEnd > prefix.length && isWordChar(text[nameEnd - 1]) && isWordChar(suffix[0])) continue;
      const argument = original(prefix.length, nameEnd)
        .replace(/^[:\-\s]+/u, '')
        .trim();
      if (argument === '' && suffix !== '') continue;
      found.push({ name, argument });
    }
    return found;
  }
}

let table: CommandTable | undefined;

/** The table of every language's phrases, built once from the loaded resources. */
export function commandTable(): CommandTable {
  table ??= new CommandTable(commandPhrases());
  return table;
}

const matches = new WeakMap<object, CommandMatch[]>();

/** The commands this turn's message can be (computed once per activity, whatever the number of routes). */
export function commandsOf(context: TurnContext): CommandMatch[] {
  const activity = context.activity;
  if (activity.type !== 'message' || typeof activity.text !== 'string') return [];
  let found = matches.get(activity);
  if (found === undefined) {
    found = commandTable().match(activity.text);
    matches.set(activity, found);
  }
  return found;
}

/** The first match of `name`, if the message is that command. */
export function commandMatch(context: TurnContext, name: CommandName): CommandMatch | undefined {
  return commandsOf(context).find((m) => m.name === name);
}

export function isCommand(context: TurnContext, name: CommandName): boolean {
  return commandMatch(context, name) !== undefined;
}

/** A route selector: the message is one of these commands (and `when` agrees, if given). */
export function commandIs(names: CommandName | readonly CommandName[], when?: (context: TurnContext, match: CommandMatch) => boolean) {
  const wanted: readonly CommandName[] = typeof names === 'string' ? [names] : names;
  return async (context: TurnContext): Promise<boolean> =>
    commandsOf(context).some((match) => wanted.includes(match.name) && (when === undefined || when(context, match)));
}
