/**
 * "It's not listed": the requester names the solution the catalog is missing (and, if they know,
 * its environment and maker), so the help desk can find who supports it. Checked like every field
 * the requester types: limits before anything else, a refusal that says by how much to shorten.
 */
import { asksForSolution } from '../request-category';
import { text, type Text } from '../text';
import type { IntakeDraft } from './intake-draft';
import { tooLong } from './field-limits';
import type { UnlistedSolution } from './unlisted';

export type { UnlistedSolution } from './unlisted';

export const UNLISTED_LIMITS = { unlistedName: 120, unlistedEnvironment: 100, unlistedMaker: 120 } as const;
export type UnlistedField = keyof typeof UNLISTED_LIMITS;

export type UnlistedResult =
  | { readonly ok: true; readonly value: UnlistedSolution | undefined }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<UnlistedField, Text>>> };

/** Whether the details step asks for the missing solution: "It's not listed" on a need about a solution. */
export function asksForUnlisted(draft: IntakeDraft): boolean {
  return draft.solutionId === null && draft.category !== undefined && asksForSolution(draft.category);
}

function clean(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/**
 * The name is required where the card asks for it (`asked`: the questionnaire's details card; the
 * message action's form does not); environment and maker are optional. Undefined when not given.
 */
export function validateUnlisted(draft: IntakeDraft, input: Readonly<Record<string, unknown>>, asked: boolean): UnlistedResult {
  if (!asksForUnlisted(draft)) return { ok: true, value: undefined };
  const value = { name: clean(input.unlistedName), environment: clean(input.unlistedEnvironment), maker: clean(input.unlistedMaker) };
  const errors: Partial<Record<UnlistedField, Text>> = {};
  if (value.name === '' && asked) errors.unlistedName = text('conversation.unlisted.nameMissing');
  const fields: ReadonlyArray<readonly [UnlistedField, string, 'solutionName' | 'environment' | 'maker']> = [
    ['unlistedName', value.name, 'solutionName'],
    ['unlistedEnvironment', value.environment, 'environment'],
    ['unlistedMaker', value.maker, 'maker'],
  ];
  for (const [field, typed, label] of fields) {
    if (typed.length > UNLISTED_LIMITS[field]) errors[field] = tooLong(label, typed.length, UNLISTED_LIMITS[field]);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: value.name === '' ? undefined : value };
}
