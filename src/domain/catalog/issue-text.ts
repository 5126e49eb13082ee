/**
 * A catalog entry's validation issues in the reader's words, for an admin editing it in Teams (the
 * catalog CLI prints the English `message` of each issue; a card names the field and what is wrong).
 */
import type { MessageKey } from '../message-keys';
import { text, verbatim, type Text, type TextParam } from '../text';
import type { IssueCode, RecordIssue } from './record-validation';

/** The fields an admin edits from a card; any other column is named as the catalog file names it. */
const FIELDS: Readonly<Record<string, MessageKey>> = {
  tier: 'admin.entry.field.tier',
  co_owners: 'admin.entry.field.co_owners',
  support_channel: 'admin.entry.field.support_channel',
};

const PROBLEMS: Readonly<Record<IssueCode, MessageKey>> = {
  'missing-value': 'admin.issues.missing',
  'invalid-text': 'admin.issues.text',
  'unknown-tier': 'admin.issues.tier',
  'invalid-co-owners': 'admin.issues.coOwners',
  'invalid-email': 'admin.issues.email',
  'invalid-aad-id': 'admin.issues.objectId',
  // Columns the card does not edit: the stored entry itself needs fixing, in the catalog file.
  'invalid-id': 'admin.issues.stored',
  'unknown-kind': 'admin.issues.stored',
  'unknown-status': 'admin.issues.stored',
  'invalid-data-sources': 'admin.issues.stored',
  'duplicate-id': 'admin.issues.stored',
};

/** At most this many issues are named; the card says how many more there are. */
export const SHOWN_ISSUES = 5;

export function issuesText(issues: readonly RecordIssue[]): Text {
  const parts: TextParam[] = issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const key = FIELDS[issue.column];
    return text(PROBLEMS[issue.code], { field: key ? text(key) : verbatim(issue.column) });
  });
  if (issues.length > SHOWN_ISSUES) parts.push(text('admin.issues.more', { count: issues.length - SHOWN_ISSUES }));
  const list = parts.slice(1).reduce<TextParam>((all, part) => text('common.commaList', { list: all, part }), parts[0] ?? '');
  return text('admin.errors.invalid', { issues: list });
}
