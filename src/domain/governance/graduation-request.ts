/**
 * A graduation request: a maker or co-owner asks the Power Platform team to move their solution to a
 * higher tier, with the tier table's answers; the team approves or declines it with a reason. Pure:
 * who may ask (from the catalog entry), the answers read within their limits, and the decision.
 */
import type { PersonRef } from '../history';
import type { Solution } from '../solution';
import { sameId } from '../queues/actor-standing';
import {
  isAlmPractice,
  isBusinessImpact,
  isEnvironmentStrategy,
  missingForTier,
  type GraduationAnswers,
  type GraduationRequirement,
  type HigherTier,
} from './graduation-requirements';

export type GraduationStatus = 'pending' | 'approved' | 'declined';

export interface GraduationRequest {
  readonly id: string;
  readonly solutionId: string;
  readonly solutionName: string;
  readonly fromTier: Solution['tier'];
  readonly toTier: HigherTier;
  readonly requester: PersonRef;
  /** The maker as the catalog named them when the request was made (told of the decision too). */
  readonly maker?: PersonRef;
  readonly answers: GraduationAnswers;
  /** What the answers did not meet for the target tier, when asked. */
  readonly missing: readonly GraduationRequirement[];
  readonly status: GraduationStatus;
  readonly createdAt: string;
  readonly decidedAt?: string;
  readonly decidedBy?: PersonRef;
  readonly reason?: string;
}

/** Input limits, checked before anything reads the text. */
export const GRADUATION_LIMITS = { coOwners: 2000, dataSources: 1000, workarounds: 2000, supportChannel: 500, reason: 1000 } as const;

/** Only the maker or a co-owner the catalog names may ask, never the card's word for it. */
export function mayAskGraduation(solution: Solution, aadObjectId: string): boolean {
  const people = [solution.maker, ...solution.coOwners];
  return people.some((p) => p.aadObjectId !== undefined && sameId(p.aadObjectId, aadObjectId));
}

export type AnswersRead = { readonly ok: true; readonly answers: GraduationAnswers } | { readonly ok: false; readonly field: string };

/** The card's raw answers, each within its limit; an unknown choice counts as not answered. */
export function readGraduationAnswers(raw: Readonly<Record<string, unknown>>): AnswersRead {
  const str = (name: keyof typeof GRADUATION_LIMITS): string | undefined => {
    const value = raw[name] ?? '';
    return typeof value === 'string' && value.length <= GRADUATION_LIMITS[name] ? value.trim() : undefined;
  };
  const fields = {
    coOwners: str('coOwners'),
    dataSources: str('dataSources'),
    workarounds: str('workarounds'),
    supportChannel: str('supportChannel'),
  };
  for (const [field, value] of Object.entries(fields)) if (value === undefined) return { ok: false, field };
  const { environmentStrategy, alm, businessImpact } = raw;
  return {
    ok: true,
    answers: {
      coOwners: fields.coOwners!,
      dataSources: fields.dataSources!,
      workarounds: fields.workarounds!,
      supportChannel: fields.supportChannel!,
      ...(isEnvironmentStrategy(environmentStrategy) ? { environmentStrategy } : {}),
      ...(isAlmPractice(alm) ? { alm } : {}),
      ...(isBusinessImpact(businessImpact) ? { businessImpact } : {}),
    },
  };
}

export function newGraduationRequest(
  id: string,
  solution: Solution,
  toTier: HigherTier,
  requester: PersonRef,
  answers: GraduationAnswers,
  at: string,
): GraduationRequest {
  const maker = solution.maker.aadObjectId
    ? { aadObjectId: solution.maker.aadObjectId, displayName: solution.maker.displayName }
    : undefined;
  return {
    id,
    solutionId: solution.id,
    solutionName: solution.name,
    fromTier: solution.tier,
    toTier,
    requester,
    ...(maker ? { maker } : {}),
    answers,
    missing: missingForTier(toTier, answers, solution.coOwners.length),
    status: 'pending',
    createdAt: at,
  };
}

export type GraduationDecision =
  | { readonly ok: true; readonly next: GraduationRequest }
  | { readonly ok: false; readonly reason: 'already-decided' | 'reason-required' | 'reason-too-long' };

/** Approve or decline, once; a decline says why (an approval may). */
export function decideGraduation(
  request: GraduationRequest,
  verdict: 'approved' | 'declined',
  reason: unknown,
  by: PersonRef,
  at: string,
): GraduationDecision {
  if (request.status !== 'pending') return { ok: false, reason: 'already-decided' };
  const said = typeof reason === 'string' ? reason : '';
  if (said.length > GRADUATION_LIMITS.reason) return { ok: false, reason: 'reason-too-long' };
  if (verdict === 'declined' && said.trim() === '') return { ok: false, reason: 'reason-required' };
  return {
    ok: true,
    next: { ...request, status: verdict, decidedAt: at, decidedBy: by, ...(said.trim() ? { reason: said.trim() } : {}) },
  };
}

/** Who hears of the decision: the requester, and the maker when someone else asked. */
export function toldOfDecision(request: GraduationRequest): PersonRef[] {
  const maker = request.maker;
  return maker && !sameId(maker.aadObjectId, request.requester.aadObjectId) ? [request.requester, maker] : [request.requester];
}
