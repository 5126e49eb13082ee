/**
 * What a refusal for a field that is too long says: which field, how long it is, the limit, and by
 * how much to shorten it, in the reader's language. Nothing a person typed is ever cut silently.
 */
import { text, type Text } from '../text';

export type LimitedField = 'title' | 'description' | 'since' | 'query' | 'solutionName' | 'environment' | 'maker';

export function tooLong(field: LimitedField, length: number, max: number): Text {
  return text('conversation.limits.shorten', { field: text(`conversation.limits.fields.${field}`), length, max, count: length - max });
}
