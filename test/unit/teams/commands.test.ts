import { commandPhrases, splitPhrases, type CommandName, type CommandPhrases } from '../../../src/i18n/command-phrases';
import { CommandTable, commandTable, foldForCommands } from '../../../src/teams/commands';

/**
 * The command table over two sets of phrases: the shipped resources (English today, with the
 * greetings the bot always understood), and the phrases the French, Swedish and Korean translators
 * used in their sentences, as the lead will paste them into locales/<lng>/common.json.
 */
const TRANSLATED: CommandPhrases = {
  newRequest: ['new request', 'nouvelle demande', 'ny förfrågan', '새 요청'],
  greeting: ['hi', 'bonjour', 'salut', 'hej', '안녕하세요', '안녕'],
  help: ['help', 'aide', 'hjälp', '도움말'],
  myRequests: ['my requests', 'mes demandes', 'mina förfrågningar', 'mina ärenden', '내 요청'],
  mySolutions: ['my solutions', 'mes solutions', 'mina lösningar', '내 솔루션'],
  solutionLookup: ['solution {{name}}', 'how is {{name}} supported', 'qui s’occupe de {{name}}', '{{name}} 지원'],
  openTickets: ['open tickets', 'tickets ouverts', 'öppna ärenden', '열린 티켓'],
  unassigned: ['unassigned', 'non attribués', 'ej tilldelade', '미할당'],
  mine: ['mine', 'mes tickets', 'mina ärenden', '내 티켓'],
  severity: ['sev', 'gravité', 'allvarlighet', '심각도'],
  ticket: ['ticket', 'ärende', '티켓'],
  catalogFlags: ['catalog flags', 'signalements du catalogue', 'katalogflaggor', '카탈로그 신고'],
  helpWith: ['help with {{name}}', 'aide pour {{name}}', 'hjälp med {{name}}', '{{name}} 도움 요청'],
  report: ['report', 'rapport', '보고서'],
  underSupported: ['under-supported', 'solutions insuffisamment prises en charge', 'otillräckligt supporterade', '지원 부족 솔루션'],
  outboxStatus: ['outbox status', 'état de la boîte d’envoi', 'utkorgsstatus', '발신함 상태'],
  knowledgeReview: ['knowledge review', 'revue des connaissances', 'granska kunskapsbasen', '기술 자료 검토'],
  stopThanks: ['stop thanks', 'arrêter les remerciements', 'sluta tacka', '감사 카드 중지'],
  startThanks: ['start thanks', 'reprendre les remerciements', 'börja tacka', '감사 카드 다시 받기'],
  suggestions: ['suggestions', 'suggestions ouvertes', 'förslag', '개선 제안'],
};
const table = new CommandTable(TRANSLATED);
const names = (text: string) => table.match(text).map((m) => m.name);

describe('commands in every language', () => {
  test.each<[string, CommandName]>([
    ['nouvelle demande', 'newRequest'],
    ['Nouvelle Demande !', 'newRequest'], // case, and French spacing before "!"
    ['NOUVELLE DEMANDE', 'newRequest'],
    ['mes demandes ?', 'myRequests'],
    ['Mes solutions.', 'mySolutions'],
    ['aide', 'help'],
    ['Bonjour', 'greeting'],
    ['ny förfrågan', 'newRequest'],
    ['NY FORFRAGAN', 'newRequest'], // accent-insensitive both ways
    ['mina forfragningar', 'myRequests'],
    ['Hjälp!', 'help'],
    ['hjalp', 'help'],
    ['새 요청', 'newRequest'],
    ['내 요청', 'myRequests'],
    ['내 솔루션', 'mySolutions'],
    ['안녕하세요', 'greeting'],
    ['Revue des connaissances', 'knowledgeReview'],
    ['granska kunskapsbasen', 'knowledgeReview'],
    ['기술 자료 검토', 'knowledgeReview'],
    ['안녕하세요!', 'greeting'], // no \b after Hangul
    ['안녕하세요.', 'greeting'],
    ['안녕하세요'.normalize('NFD'), 'greeting'], // decomposed jamo are the same syllables
    ['도움말', 'help'],
    ['열린 티켓', 'openTickets'],
    ['미할당', 'unassigned'],
    ['non attribues', 'unassigned'],
    ['öppna ärenden', 'openTickets'],
    ['ej tilldelade', 'unassigned'],
  ])('%p is %p', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each(['nouvelle demande urgente', 'nouvelles demandes', 'hi there', 'newrequest', 'mes', '', '!!!', '새요청이요'])(
    '%p is no command',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );

  it('"mina ärenden" is both the requester’s "my requests" and the agent’s "mine": the routes decide by scope', () => {
    expect(names('mina ärenden').sort()).toEqual(['mine', 'myRequests']);
    expect(names('Mina Ärenden!').sort()).toEqual(['mine', 'myRequests']);
  });

  it('ticket lists take a severity filter in any language', () => {
    expect(table.match('open tickets sev a')).toEqual([{ name: 'openTickets', severity: 'A' }]);
    expect(table.match('tickets ouverts gravité b')).toEqual([{ name: 'openTickets', severity: 'B' }]);
    expect(table.match('ej tilldelade allvarlighet c')).toEqual([{ name: 'unassigned', severity: 'C' }]);
    expect(table.match('내 티켓 심각도 a')).toEqual([{ name: 'mine', severity: 'A' }]);
    expect(table.match('mine seva')).toEqual([{ name: 'mine', severity: 'A' }]);
    expect(names('open tickets sev d')).toEqual([]);
  });

  it('"ticket HD-42" keeps what was typed after the word', () => {
    expect(table.match('ticket HD-42')).toEqual([{ name: 'ticket', argument: 'HD-42' }]);
    expect(table.match('Ärende hd-42.')).toEqual([{ name: 'ticket', argument: 'hd-42' }]);
    expect(table.match('티켓 HD-7')).toEqual([{ name: 'ticket', argument: 'HD-7' }]);
    expect(table.match('ticket')).toEqual([{ name: 'ticket', argument: '' }]);
    expect(names('tickets ouverts')).toEqual(['openTickets']); // not "ticket" + "s ouverts"
  });

  it('"report" keeps its period words, and the admins\' commands are understood in every language', () => {
    expect(table.match('rapport 4 dernières semaines')).toEqual([{ name: 'report', argument: '4 dernières semaines' }]);
    expect(table.match('보고서 최근 3개월')).toEqual([{ name: 'report', argument: '최근 3개월' }]);
    expect(table.match('Report')).toEqual([{ name: 'report', argument: '' }]);
    expect(names('reporting')).toEqual([]);
    expect(names('Utkorgsstatus')).toEqual(['outboxStatus']);
    expect(names('etat de la boite d’envoi !')).toEqual(['outboxStatus']);
    expect(names('지원 부족 솔루션')).toEqual(['underSupported']);
    expect(names('under-supported.')).toEqual(['underSupported']);
  });

  it('a lookup keeps the name as typed (case and accents), in any language', () => {
    expect(table.match('how is Feuille de temps Équipe supported?')).toEqual([
      { name: 'solutionLookup', argument: 'Feuille de temps Équipe' },
    ]);
    expect(table.match("qui s'occupe de Feuille de temps Équipe ?")).toEqual([
      { name: 'solutionLookup', argument: 'Feuille de temps Équipe' },
    ]);
    expect(table.match('solution: Expense Tracker')).toEqual([{ name: 'solutionLookup', argument: 'Expense Tracker' }]);
    expect(table.match('solution - Expense Tracker!')).toEqual([{ name: 'solutionLookup', argument: 'Expense Tracker' }]);
    expect(table.match('solution')).toEqual([{ name: 'solutionLookup', argument: '' }]);
    expect(table.match('경비 보고서 지원')).toEqual([{ name: 'solutionLookup', argument: '경비 보고서' }]);
    expect(table.match('help with expense-tracker')).toEqual([{ name: 'helpWith', argument: 'expense-tracker' }]);
    expect(table.match('Hjälp med expense-tracker')).toEqual([{ name: 'helpWith', argument: 'expense-tracker' }]);
    expect(table.match('expense-tracker 도움 요청')).toEqual([{ name: 'helpWith', argument: 'expense-tracker' }]);
    expect(names('help')).toEqual(['help']);
    expect(names('solutions')).toEqual([]);
    expect(names('how is supported')).toEqual([]);
    expect(names('how is xsupported')).toEqual([]);
  });

  it('refuses text longer than any command without reading it', () => {
    expect(table.match('nouvelle demande' + ' '.repeat(600))).toEqual([]);
  });
});

describe('the phrases shipped in locales/', () => {
  it('every command has phrases, and English understands what it always did', () => {
    const phrases = commandPhrases();
    for (const [name, list] of Object.entries(phrases)) expect({ name, count: list.length > 0 }).toEqual({ name, count: true });
    const shipped = commandTable();
    const of = (text: string) => shipped.match(text).map((m) => m.name);
    expect(of('new request')).toEqual(['newRequest']);
    // Both; the report route steps aside when the text is another command too (report-routes.ts).
    expect(of('Report a problem!')).toEqual(['newRequest', 'report']);
    expect(of('hello')).toEqual(['greeting']);
    expect(of('help')).toEqual(['help']);
    expect(of('안녕하세요')).toEqual(['greeting']);
    expect(of('Bonjour !')).toEqual(['greeting']);
    expect(of('hej')).toEqual(['greeting']);
    expect(of('my request')).toEqual(['myRequests']);
    expect(of('my solutions')).toEqual(['mySolutions']);
    // "Suggest an improvement": the open suggestions, in each language (suggestions.json).
    for (const phrase of ['suggestions', 'Suggestions ouvertes !', 'förslag', '개선 제안']) expect(of(phrase)).toEqual(['suggestions']);
    expect(shipped.match('unassigned tickets severity b')).toEqual([{ name: 'unassigned', severity: 'B' }]);
    expect(shipped.match('who supports feuille de temps equipe')).toEqual([
      { name: 'solutionLookup', argument: 'feuille de temps equipe' },
    ]);
  });

  it('splits alternatives and drops empty ones', () => {
    expect(splitPhrases(' nouvelle  demande | nouveau ||')).toEqual(['nouvelle demande', 'nouveau']);
  });

  it('folds text keeping where each character came from', () => {
    const folded = foldForCommands('Été 경비');
    expect(folded.text).toBe('ete 경비');
    expect(folded.from.length).toBe(folded.text.length + 1);
  });
});
