import { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PersonRef } from '../../domain/history';
import { text } from '../../domain/text';
import { LIMITS } from '../../domain/catalog/field-rules';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { catalogEntryCard, catalogFlagsCard, REVIEW_SIZE, type TypedEdit } from '../../presentation/catalog-admin-cards';
import type { AdminResult, CatalogEntry } from '../../services/catalog/catalog-admin';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { commandIs, commandMatch } from '../commands';
import { isPersonalChat } from '../conversation-scope';
import type { UseCases } from '../use-cases';

const LOOKUP = commandIs('solutionLookup');
const FLAGS = commandIs('catalogFlags');
/** What the inputs of the entry card allow (cards/catalog-entry.json carries the same maxLength). */
const CO_OWNERS_MAX = LIMITS.coOwners * (LIMITS.personName + LIMITS.email + 48);
const NOTE_MAX = 2000;

const entryData = z.object({ solutionId: z.string().min(1).max(LIMITS.id) });
const editData = entryData.extend({
  etag: z.string().min(1).max(200),
  tier: z.string().max(50).optional(),
  coOwners: z.string().max(CO_OWNERS_MAX).optional(),
  supportChannel: z.string().max(LIMITS.supportChannel).optional(),
});
const flagData = entryData.extend({ requestId: z.string().min(1).max(200), note: z.string().max(NOTE_MAX).optional() });

/**
 * Catalog admins (ADMIN_IDS) in Teams: "solution <id or name>" opens the entry card (the others get
 * the support card, catalog-routes.ts), "catalog flags" the open "Not my solution" flags. Every
 * button asks the service, which decides from the configured ids, never from the card.
 */
export function registerCatalogAdminRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const isAdminHere = (context: TurnContext): boolean => {
    const actor = actorOf(context);
    return actor !== undefined && isPersonalChat(context) && useCases.catalogAdmin.isAdmin(actor);
  };

  app.message(
    async (context) => (await LOOKUP(context)) && isAdminHere(context),
    async (context) => {
      const query = (commandMatch(context, 'solutionLookup')?.argument ?? '').trim().slice(0, 200);
      await sendAnswer(context, entryAnswer(await useCases.catalogAdmin.lookup(actorOf(context)!, query)));
    },
  );

  app.message(FLAGS, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    if (!isPersonalChat(context)) return void (await sendAnswer(context, messageAnswer(text('admin.errors.personalChatOnly'))));
    await sendAnswer(context, await flagsAnswer(useCases, actor));
  });

  cardAction(app, {
    verbs: ['catalogadmin.open'],
    data: entryData,
    damaged: text('admin.errors.damagedCard'),
    handle: async ({ actor, data }) => entryAnswer(await useCases.catalogAdmin.entry(actor, data.solutionId)),
  });

  cardAction(app, {
    verbs: ['catalogadmin.edit'],
    data: editData,
    damaged: text('admin.errors.damagedCard'),
    handle: async ({ actor, data }) => {
      const { solutionId, etag, ...edit } = data;
      const result = await useCases.catalogAdmin.edit(actor, solutionId, etag, edit);
      if (result.ok) return entryAnswer(result, text(result.value.etag === etag ? 'admin.entry.unchanged' : 'admin.entry.saved'));
      if (result.reason !== 'changed' && result.reason !== 'invalid') return messageAnswer(result.message);
      // Changed since: the card as it is now. Invalid: the card with what the admin typed, to correct it.
      const now = await useCases.catalogAdmin.entry(actor, solutionId);
      return entryAnswer(now, result.message, result.reason === 'invalid' ? (edit as TypedEdit) : undefined);
    },
  });

  cardAction(app, {
    verbs: ['catalogadmin.flags'],
    data: z.object({}).passthrough(),
    damaged: text('admin.errors.damagedCard'),
    handle: ({ actor }) => flagsAnswer(useCases, actor),
  });

  cardAction(app, {
    verbs: ['catalogadmin.resolve-flag'],
    data: flagData,
    damaged: text('admin.errors.damagedCard'),
    handle: async ({ actor, data }) => {
      const done = await useCases.catalogAdmin.resolveFlag(actor, data.solutionId, data.requestId, data.note ?? '');
      if (!done.ok && done.reason === 'not-admin') return messageAnswer(done.message);
      return flagsAnswer(useCases, actor, done.ok ? text('admin.flags.resolved') : done.message);
    },
  });
}

function entryAnswer(result: AdminResult<CatalogEntry>, notice?: Parameters<typeof catalogEntryCard>[1], typed?: TypedEdit): Answer {
  return result.ok ? cardAnswer(catalogEntryCard(result.value, notice, typed)) : messageAnswer(result.message);
}

async function flagsAnswer(useCases: UseCases, actor: PersonRef, notice?: Parameters<typeof catalogFlagsCard>[2]): Promise<Answer> {
  const review = await useCases.catalogAdmin.flagReview(actor, REVIEW_SIZE);
  return review.ok ? cardAnswer(catalogFlagsCard(review.value.flags, review.value.names, notice)) : messageAnswer(review.message);
}
