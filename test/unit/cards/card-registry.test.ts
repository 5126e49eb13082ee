/**
 * The card registry (src/presentation/cards.ts) against the files and the routes: CARD_NAMES are the
 * templates in `cards/`, each card's verbs in CARD_VERBS are the Action.Execute verbs its template
 * carries, and every verb is registered by the route table (registerRoutes on a real teams-ai
 * Application, recording what each route registers with `adaptiveCards.actionExecute`), and every
 * registered verb is some card's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Application, TurnState } from '@microsoft/teams-ai';
import { CARD_NAMES, CARD_VERBS, type CardName } from '../../../src/presentation/cards';
import { registerRoutes } from '../../../src/teams/routes';
import type { UseCases } from '../../../src/teams/use-cases';

const CARDS = path.resolve(__dirname, '../../../cards');
const files = readdirSync(CARDS).filter((f) => f.endsWith('.json'));

/** Every Action.Execute verb in a template, including show-cards' and the refresh action's. */
function templateVerbs(template: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string') out.add(record.verb);
    Object.values(record).forEach(walk);
  };
  walk(template);
  return [...out].sort();
}

/** The verbs the route table registers, as teams-ai is asked to route them. */
function registeredVerbs(): string[] {
  const app = new Application<TurnState>({ startTypingTimer: false });
  const verbs: string[] = [];
  const actionExecute = app.adaptiveCards.actionExecute.bind(app.adaptiveCards);
  jest.spyOn(app.adaptiveCards, 'actionExecute').mockImplementation((verb, handler) => {
    for (const v of Array.isArray(verb) ? verb : [verb]) {
      if (typeof v !== 'string') throw new Error('a route registered a verb that is not a string: the table must name its verbs');
      verbs.push(v);
    }
    return actionExecute(verb, handler);
  });
  // Registering reads no use case (handlers do, per turn): an empty object shows if one ever does.
  registerRoutes(app, {} as UseCases);
  return verbs;
}

describe('the card registry', () => {
  it('names exactly the templates in cards/', () => {
    expect([...CARD_NAMES].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it.each(files.map((f) => [f.replace(/\.json$/, '') as CardName]))(
    '%s: its verbs in CARD_VERBS are the verbs its template carries',
    (card) => {
      const template = JSON.parse(readFileSync(path.join(CARDS, `${card}.json`), 'utf8'));
      expect([...(CARD_VERBS[card] ?? [])].sort()).toEqual(templateVerbs(template));
    },
  );

  describe('and the route table', () => {
    const registered = registeredVerbs();
    const carded = new Set(Object.values(CARD_VERBS).flat() as string[]);

    it('registers every verb some card carries', () => {
      expect([...carded].filter((verb) => !registered.includes(verb)).sort()).toEqual([]);
    });

    it('registers no verb that no card carries', () => {
      expect(registered.filter((verb) => !carded.has(verb)).sort()).toEqual([]);
    });

    it('registers each verb once (a second registration would never be reached)', () => {
      expect(registered.filter((verb, i) => registered.indexOf(verb) !== i)).toEqual([]);
    });
  });
});
