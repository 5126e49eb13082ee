import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import { mySolutionsCard, solutionSupportCard } from '../../presentation/catalog-cards';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import type { UseCases } from '../use-cases';

// Patterns see whitespace-normalised text (../command-text.ts) and stay linear on any input: a name
// is "anything ending in a character other than a space or punctuation", never a lazy group before a
// repeated tail (test/unit/teams/route-patterns).
const MY_SOLUTIONS = /^my solutions?[ .!?]*$/i;
/** "solution Expense Tracker", "how is Expense Tracker supported?", "who supports Expense Tracker". */
const LOOKUPS = [
  /^solution\b ?[:\-]? ?(.*[^ .!?])?[ .!?]*$/is,
  /^how is (.+?) supported[ .!?]*$/is,
  /^who supports (.*[^ .!?])[ .!?]*$/is,
];
/** Best matches shown for a lookup. */
const LOOKUP_MATCHES = 3;
/** A query longer than any solution name is not a name. */
const MAX_QUERY = 200;

function textOf(context: TurnContext): string {
  return typeof context.activity.text === 'string' ? context.activity.text : '';
}

function lookupQuery(context: TurnContext): string | undefined {
  const text = textOf(context);
  for (const pattern of LOOKUPS) {
    const match = pattern.exec(text);
    if (match) return (match[1] ?? '').trim().slice(0, MAX_QUERY);
  }
  return undefined;
}

/** "my solutions" (a maker's list, personal chat only) and solution lookups (anywhere). */
export function registerCatalogRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  app.message(MY_SOLUTIONS, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (context.activity.conversation?.conversationType !== 'personal') {
      return void (await sendAnswer(context, messageAnswer(text('messages.catalog.mySolutionsInPersonalChat'))));
    }
    const solutions = await useCases.catalog.solutionsOf(actor.aadObjectId);
    const firstName = actor.displayName.split(/\s+/)[0] ?? '';
    await sendAnswer(context, cardAnswer(mySolutionsCard(solutions, firstName)));
  });

  app.message(
    async (context) => context.activity.type === 'message' && lookupQuery(context) !== undefined,
    async (context) => {
      const query = lookupQuery(context) ?? '';
      const matches = query === '' ? [] : await useCases.catalog.search(query, LOOKUP_MATCHES);
      await sendAnswer(context, cardAnswer(solutionSupportCard(query, matches)));
    },
  );
}
