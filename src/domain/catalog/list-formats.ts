/**
 * The two list columns of the canonical CSV.
 *
 * `co_owners`: entries separated by `;`, each `Display Name <email-or-upn> [entra-object-id]`,
 * `Display Name <email-or-upn>` or a bare email / UPN, e.g.
 *   `Lee Gu <leeg@contoso.com> [f0fcce3d-482b-4e59-81e2-542c7050214b]; Nestor Wilke <nestorw@contoso.com>; adelev@contoso.com`
 * The name may be left out (`<leeg@contoso.com>`, or a bare email); the email is then used as the
 * name until the directory says better. Without an object id, Microsoft Graph is asked for it.
 * Names cannot contain `; < > [ ]` (they delimit the format).
 *
 * `data_sources`: names separated by `;`, e.g. `SharePoint: Expenses list; Dataverse`.
 *
 * Whitespace around entries is ignored and empty entries are dropped.
 */

/** A person as written in a file, before validation. */
export interface PersonText {
  readonly displayName: string;
  readonly email: string;
  readonly aadObjectId: string;
}

export type PeopleParse = { readonly ok: true; readonly people: PersonText[] } | { readonly ok: false; readonly problem: string };

const ENTRY = /^(.*?)\s*<([^<>]*)>\s*(?:\[([^[\]]*)\])?$/s;
/** A bare email or UPN: no spaces and none of the delimiters. */
const BARE = /^[^\s<>[\];]+$/;
export const NAME_DELIMITERS = /[;<>[\]]/;

function entries(text: string): string[] {
  return text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function parsePeople(text: string): PeopleParse {
  const people: PersonText[] = [];
  for (const entry of entries(text)) {
    if (BARE.test(entry)) {
      people.push({ displayName: entry, email: entry, aadObjectId: '' });
      continue;
    }
    const match = ENTRY.exec(entry);
    if (!match) {
      return {
        ok: false,
        problem: `co-owner "${entry.slice(0, 80)}" is not in the form Name <email>, Name <email> [entra-object-id] or an email`,
      };
    }
    const [, name = '', email = '', aadObjectId = ''] = match;
    const displayName = name.trim() || email.trim();
    if (NAME_DELIMITERS.test(displayName)) return { ok: false, problem: `co-owner name "${displayName}" contains ; < > [ or ]` };
    people.push({ displayName, email: email.trim(), aadObjectId: aadObjectId.trim() });
  }
  return { ok: true, people };
}

/** Each person as `Name <email> [id]`, or `Name <email>` while the id is not known. */
export function formatPeople(
  people: readonly { readonly displayName: string; readonly email: string; readonly aadObjectId?: string }[],
): string {
  return people.map((p) => `${p.displayName} <${p.email}>${p.aadObjectId ? ` [${p.aadObjectId}]` : ''}`).join('; ');
}

export function parseList(text: string): string[] {
  return entries(text);
}

export function formatList(items: readonly string[]): string {
  return items.join('; ');
}
