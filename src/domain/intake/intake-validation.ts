/**
 * Validation of what the requester typed on the questionnaire cards. Cards enforce some limits in
 * the client, but card data is untrusted input: every rule is checked again here.
 */
import { isImpact, isUrgency } from '../severity';
import { isRequestCategory, type RequestCategory } from '../request-category';
import type { IntakeDetails } from './intake-draft';
import { text, type Text } from '../text';
import { tooLong } from './field-limits';
import type { UnlistedField } from './unlisted-solution';

export const INTAKE_LIMITS = { title: 120, description: 2000, since: 100, searchQuery: 100 } as const;

export type FieldErrors = Readonly<
  Partial<Record<'category' | 'solution' | 'title' | 'description' | 'since' | 'impact' | 'urgency' | 'query' | UnlistedField, Text>>
>;

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldErrors };

/** Trims, and folds runs of blanks (but keeps line breaks in multi-line fields). */
function clean(value: unknown, multiline = false): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(/\r\n?/g, '\n').trim();
  return multiline ? text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n') : text.replace(/\s+/g, ' ');
}

export function validateCategory(value: unknown): Validated<RequestCategory> {
  return isRequestCategory(value) ? { ok: true, value } : { ok: false, errors: { category: text('messages.intake.errors.category') } };
}

export function validateSearchQuery(value: unknown): Validated<string> {
  const query = clean(value);
  if (query.length > INTAKE_LIMITS.searchQuery) {
    return { ok: false, errors: { query: tooLong('query', query.length, INTAKE_LIMITS.searchQuery) } };
  }
  return { ok: true, value: query };
}

export function validateDetails(input: Readonly<Record<string, unknown>>): Validated<IntakeDetails> {
  const title = clean(input.title);
  const description = clean(input.description, true);
  const since = clean(input.since);
  const errors: Record<string, Text> = {};
  if (title.length === 0) errors.title = text('messages.intake.errors.titleMissing');
  else if (title.length > INTAKE_LIMITS.title) errors.title = tooLong('title', title.length, INTAKE_LIMITS.title);
  if (description.length === 0) errors.description = text('messages.intake.errors.descriptionMissing');
  else if (description.length > INTAKE_LIMITS.description) {
    errors.description = tooLong('description', description.length, INTAKE_LIMITS.description);
  }
  if (since.length > INTAKE_LIMITS.since) errors.since = tooLong('since', since.length, INTAKE_LIMITS.since);
  if (!isImpact(input.impact)) errors.impact = text('messages.intake.errors.impact');
  if (!isUrgency(input.urgency)) errors.urgency = text('messages.intake.errors.urgency');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      description,
      since,
      impact: input.impact as IntakeDetails['impact'],
      urgency: input.urgency as IntakeDetails['urgency'],
    },
  };
}
