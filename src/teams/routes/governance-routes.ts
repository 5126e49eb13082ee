import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import { commandIs } from '../commands';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import type { UseCases } from '../use-cases';

/**
 * Graduation: the form from "my solutions" (or the questionnaire's "more formal support"), its Send,
 * and the Power Platform team's Approve / Decline. Card data is untrusted and capped here; the
 * domain checks the exact limits, and who may act comes from the catalog and the rosters.
 */
const input = z.string().max(4000).optional();
const solutionData = z.object({ solutionId: z.string().min(1).max(200) });
const formData = solutionData.extend({
  targetTier: z.string().max(40).optional(),
  coOwners: input,
  environmentStrategy: z.string().max(60).optional(),
  alm: z.string().max(60).optional(),
  dataSources: input,
  workarounds: input,
  businessImpact: z.string().max(60).optional(),
  supportChannel: input,
});
const decisionData = z.object({ requestId: z.string().min(1).max(100), reason: input });

/** "under-supported" in any of the bot's languages (locales/<lng>/governance.json → commands). */
const UNDER_SUPPORTED = commandIs('underSupported');

export function registerGovernanceRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();

  app.message(UNDER_SUPPORTED, async (context) => {
    const actor = actorOf(context);
    await sendAnswer(context, actor ? await useCases.underSupported.list(actor) : messageAnswer(NO_IDENTITY_MESSAGE));
  });

  cardAction(app, {
    verbs: ['graduation.form'],
    data: solutionData,
    damaged: text('governance.refused.damaged'),
    handle: ({ actor, data }) => useCases.graduation.form(actor, data.solutionId),
  });

  cardAction(app, {
    verbs: ['graduation.submit'],
    data: formData,
    damaged: text('governance.refused.damaged'),
    handle: ({ actor, data, activity }) => useCases.graduation.submit(actor, data.solutionId, data, activity),
  });

  cardAction(app, {
    verbs: ['graduation.approve', 'graduation.decline'],
    data: decisionData,
    damaged: text('governance.refused.damaged'),
    handle: ({ verb, actor, data, context }) =>
      useCases.graduation.decide(
        actor,
        data.requestId,
        verb === 'graduation.approve' ? 'approved' : 'declined',
        data.reason ?? '',
        teamsRoster(context, cache),
      ),
  });
}
