/**
 * Graduation: a maker or co-owner (checked against the catalog in storage) asks the Power Platform
 * team for a higher tier with the tier table's answers; a member of that team (its roster, from the
 * registered channel) approves or declines with a reason. Approval changes the catalog through the
 * catalog admin's edit path (ETag, history), then the request's decision is saved with the messages
 * it causes (the queue card updated in place, the maker told) in one transaction. A second press,
 * or a redelivered one, finds the request decided and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ActivityRef } from '../../domain/activity-ref';
import { parsePeople } from '../../domain/catalog/list-formats';
import { isHigherTier, higherTiers } from '../../domain/governance/graduation-requirements';
import {
  decideGraduation,
  mayAskGraduation,
  newGraduationRequest,
  readGraduationAnswers,
  type GraduationRequest,
} from '../../domain/governance/graduation-request';
import type { PersonRef } from '../../domain/history';
import type { CatalogStore } from '../../domain/ports/catalog';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { Clock } from '../../domain/ports/clock';
import type { GraduationStore } from '../../domain/ports/graduations';
import { ConcurrencyConflictError, RequestExistsError } from '../../domain/ports/storage-errors';
import type { TeamRoster } from '../../domain/ports/team-roster';
import { belongsTo } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../../domain/queues/queue';
import { text, type Text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { graduationFormCard, graduationRequestCard } from '../../presentation/governance-cards';
import { tierLabel } from '../../presentation/labels';
import type { CatalogAdmin } from '../catalog/catalog-admin';
import { NO_ESCALATION_ROLES, queueStanding } from '../tickets/queue-standing';
import { decisionMessages, queuePost } from './graduation-messages';

export interface GraduationDeps {
  readonly catalog: Pick<CatalogStore, 'get'>;
  readonly catalogAdmin: Pick<CatalogAdmin, 'applyEdit'>;
  readonly graduations: GraduationStore;
  readonly channels: ChannelDirectory;
  readonly clock: Clock;
}

const refused = (key: Parameters<typeof text>[0], params?: Parameters<typeof text>[1]): Answer => messageAnswer(text(key, params));

export class GraduationService {
  constructor(private readonly deps: GraduationDeps) {}

  /** The form, for the solution's maker or a co-owner. */
  async form(actor: PersonRef, solutionId: string): Promise<Answer> {
    const solution = await this.deps.catalog.get(solutionId);
    if (!solution) return refused('governance.refused.notFound');
    const { solution: s } = solution;
    if (!mayAskGraduation(s, actor.aadObjectId)) return refused('governance.refused.notYours');
    if (higherTiers(s.tier).length === 0) return refused('governance.refused.noHigherTier', { name: s.name });
    return cardAnswer(graduationFormCard(s));
  }

  /** The form sent: the request goes to the Power Platform team's queue, once per activity. */
  async submit(actor: PersonRef, solutionId: string, raw: Readonly<Record<string, unknown>>, activity?: ActivityRef): Promise<Answer> {
    const read = readGraduationAnswers(raw);
    const stored = await this.deps.catalog.get(solutionId);
    if (!stored) return refused('governance.refused.notFound');
    const solution = stored.solution;
    if (!mayAskGraduation(solution, actor.aadObjectId)) return refused('governance.refused.notYours');
    if (!read.ok) return cardAnswer(graduationFormCard(solution, undefined, text('governance.refused.tooLong')));
    const answers = read.answers;
    const toTier = raw.targetTier;
    const again = (notice: Text) =>
      cardAnswer(graduationFormCard(solution, { ...answers, ...(isHigherTier(toTier) ? { toTier } : {}) }, notice));
    if (!isHigherTier(toTier) || !higherTiers(solution.tier).includes(toTier)) return again(text('governance.refused.pickTier'));
    if (answers.coOwners !== '' && !parsePeople(answers.coOwners).ok) return again(text('governance.refused.coOwners'));
    if (!(await this.deps.channels.getChannel('dedicated-team'))) return again(text('governance.refused.noTeam'));
    const id = activity ? `g-${activity.key}` : randomUUID();
    const request = newGraduationRequest(id, solution, toTier, person(actor), answers, this.deps.clock.now().toISOString());
    try {
      await this.deps.graduations.create(request, [queuePost(request)]);
    } catch (error) {
      // A redelivered or double-pressed Send: the request exists, made by the same activity.
      if (!(error instanceof RequestExistsError)) throw error;
    }
    return refused('governance.done.submitted');
  }

  /** Approve or decline, by a member of the Power Platform team. */
  async decide(
    actor: PersonRef,
    requestId: string,
    verdict: 'approved' | 'declined',
    reason: unknown,
    roster: TeamRoster,
  ): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, NO_ESCALATION_ROLES);
    if (!who.ok) return messageAnswer(who.refusal);
    if (!belongsTo(who.standing, DEDICATED_TEAM_QUEUE)) return refused('governance.refused.notMember');
    const stored = await this.deps.graduations.get(requestId);
    if (!stored) return refused('governance.refused.gone');
    const view = (r: GraduationRequest, notice?: Text) => cardAnswer(graduationRequestCard(r, notice));
    const now = this.deps.clock.now().toISOString();
    const d = decideGraduation(stored.request, verdict, reason, person(actor), now);
    if (!d.ok) return view(stored.request, text(REFUSALS[d.reason]));
    const next = d.next;
    if (verdict === 'approved') {
      const problem = await this.changeCatalog(next, actor);
      if (problem) return view(stored.request, problem);
    }
    try {
      await this.deps.graduations.save(next, stored, decisionMessages(next));
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      // Someone decided it first (or this press was redelivered): the request as it is now.
      const now = await this.deps.graduations.get(requestId);
      return view(now?.request ?? stored.request, text('governance.refused.alreadyDecided'));
    }
    const done =
      verdict === 'approved'
        ? text('governance.done.approved', { tier: tierLabel(next.toTier), name: next.requester.displayName })
        : text('governance.done.declined', { name: next.requester.displayName });
    return view(next, done);
  }

  /** The tier, and the co-owners and support channel when the maker gave them; undefined when done. */
  private async changeCatalog(request: GraduationRequest, actor: PersonRef): Promise<Text | undefined> {
    const current = await this.deps.catalog.get(request.solutionId);
    if (!current) return text('governance.refused.notFound');
    const a = request.answers;
    const by = {
      kind: 'graduation',
      aadObjectId: actor.aadObjectId.toLowerCase(),
      displayName: actor.displayName,
      requestId: request.id,
    } as const;
    const result = await this.deps.catalogAdmin.applyEdit(by, request.solutionId, current.etag, {
      tier: request.toTier,
      ...(a.coOwners !== '' ? { coOwners: a.coOwners } : {}),
      ...(a.supportChannel !== '' ? { supportChannel: a.supportChannel } : {}),
    });
    if (result.ok) return undefined;
    if (result.reason === 'changed') return text('governance.refused.catalogChanged');
    if (result.reason === 'not-found') return text('governance.refused.notFound');
    return text('governance.refused.catalogInvalid');
  }
}

const REFUSALS = {
  'already-decided': 'governance.refused.alreadyDecided',
  'reason-required': 'governance.refused.reasonRequired',
  'reason-too-long': 'governance.refused.reasonTooLong',
} as const;

function person(actor: PersonRef): PersonRef {
  return { aadObjectId: actor.aadObjectId.toLowerCase(), displayName: actor.displayName };
}
