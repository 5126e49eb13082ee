import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer } from '../../presentation/answer';
import { mySolutionsCard, solutionSupportCard } from '../../presentation/catalog-cards';
import { botChatLinkFor } from '../../domain/chat-link';
import { splitPhrases } from '../../i18n/command-phrases';
import { translate } from '../../i18n/translate';
import { viewerOf } from '../viewer';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { sendAnswer } from '../card-action';
import { commandIs, commandMatch } from '../commands';
import type { UseCases } from '../use-cases';

// Commands in every language, from the locale resources (../commands.ts, common.json → commands.*).
const MY_SOLUTIONS = commandIs('mySolutions');
/** "solution Expense Tracker", "how is Expense Tracker supported?", "who supports Expense Tracker". */
const LOOKUP = commandIs('solutionLookup');
/** Best matches shown for a lookup. */
const LOOKUP_MATCHES = 3;
/** A query longer than any solution name is not a name. */
const MAX_QUERY = 200;

function lookupQuery(context: TurnContext): string {
  return (commandMatch(context, 'solutionLookup')?.argument ?? '').trim().slice(0, MAX_QUERY);
}

/** "my solutions" (a maker's list, personal chat only) and solution lookups (anywhere). */
export function registerCatalogRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases, botAppId = ''): void {
  app.message(MY_SOLUTIONS, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (context.activity.conversation?.conversationType !== 'personal') {
      return void (await sendAnswer(context, messageAnswer(text('messages.catalog.mySolutionsInPersonalChat'))));
    }
    const solutions = await useCases.catalog.solutionsOf(actor.aadObjectId);
    const firstName = actor.displayName.split(/\s+/)[0] ?? '';
    await sendAnswer(context, cardAnswer(mySolutionsCard(solutions, firstName, helpLinks(context, botAppId))));
  });

  app.message(LOOKUP, async (context) => {
    const query = lookupQuery(context);
    const matches = query === '' ? [] : await useCases.catalog.search(query, LOOKUP_MATCHES);
    await sendAnswer(context, cardAnswer(solutionSupportCard(query, matches)));
  });
}

/**
 * "Get help" per solution: a chat link to this bot with "help with <id>" typed in, in the maker's
 * language (the bot understands the phrase in every language). The bot's id is the configured app
 * id; in local mode, the id Teams addressed this activity to.
 */
function helpLinks(context: TurnContext, configured: string): (solutionId: string) => { link: string; message: string } {
  const botAppId = configured || (context.activity.recipient?.id ?? '').replace(/^28:/, '');
  const viewer = viewerOf(context);
  return (solutionId) => {
    const message = splitPhrases(translate(text('conversation.commands.helpWith', { name: solutionId }), viewer))[0] ?? solutionId;
    return { link: botChatLinkFor(botAppId, message), message };
  };
}
