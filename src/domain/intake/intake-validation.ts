/**
 * Validation of what the requester typed on the questionnaire cards. Cards enforce some limits in
 * the client, but card data is untrusted input: every rule is checked again here.
 */
import { isImpact, isUrgency } from '../severity';
import { isRequestCategory, type RequestCategory } from '../request-category';
import type { IntakeDetails } from './intake-draft';

export const INTAKE_LIMITS = { title: 120, description: 2000, since: 100, searchQuery: 100 } as const;

export type FieldErrors = Readonly<Partial<Record<'category' | 'solution' | 'title' | 'description' | 'since' | 'impact' | 'urgency' | 'query', string>>>;

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldErrors };

/** Trims, and folds runs of blanks (but keeps line breaks in multi-line fields). */
function clean(value: unknown, multiline = false): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(/\r\n?/g, '\n').trim();
  return multiline ? text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n') : text.replace(/\s+/g, ' ');
}

export function validateCategory(value: unknown): Validated<RequestCategory> {
  return isRequestCategory(value) ? { ok: true, value } : { ok: false, errors: { category: 'Choose what you need.' } };
}

export function validateSearchQuery(value: unknown): Validated<string> {
  const query = clean(value);
  if (query.length > INTAKE_LIMITS.searchQuery) {
    return { ok: false, errors: { query: `Keep the search under ${INTAKE_LIMITS.searchQuery} characters.` } };
  }
  return { ok: true, value: query };
}

export function validateDetails(input: Readonly<Record<string, unknown>>): Validated<IntakeDetails> {
  const title = clean(input.title);
  const description = clean(input.description, true);
  const since = clean(input.since);
  const errors: Record<string, string> = {};
  if (title.length === 0) errors.title = 'Give your request a short title.';
  else if (title.length > INTAKE_LIMITS.title) errors.title = `Keep the title under ${INTAKE_LIMITS.title} characters (it has ${title.length}).`;
  if (description.length === 0) errors.description = "Describe what's happening.";
  else if (description.length > INTAKE_LIMITS.description) {
    errors.description = `Keep the description under ${INTAKE_LIMITS.description} characters (it has ${description.length}).`;
  }
  if (since.length > INTAKE_LIMITS.since) errors.since = `Keep "since when" under ${INTAKE_LIMITS.since} characters.`;
  if (!isImpact(input.impact)) errors.impact = 'Choose who is affected.';
  if (!isUrgency(input.urgency)) errors.urgency = 'Say whether you are blocked or have a workaround.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, description, since, impact: input.impact as IntakeDetails['impact'], urgency: input.urgency as IntakeDetails['urgency'] } };
}
