/**
 * What a valid value looks like for each field of a catalog record. Pure checks returning a reason
 * (for the import report) or undefined.
 */

export const LIMITS = {
  id: 128,
  name: 200,
  environment: 200,
  businessUnit: 200,
  supportChannel: 500,
  workarounds: 4000,
  personName: 200,
  email: 254,
  dataSource: 200,
  dataSources: 50,
  coOwners: 25,
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Entra object ids are GUIDs; Teams sends them lower-case as `from.aadObjectId`. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * An email address or UPN: one `@`, a dotted domain, no spaces and none of the characters the
 * co-owners format uses as delimiters (`<>[];,`). Deliberately simpler than RFC 5322.
 */
const EMAIL = /^[^\s@<>[\];,"]+@[^\s@<>[\];,"]+\.[^\s@<>[\];,".]+$/;

export function isEmail(value: string): boolean {
  return value.length <= LIMITS.email && EMAIL.test(value);
}

/**
 * Ids start with a letter or digit and use letters, digits and `. _ : @ + -`. None of those needs
 * escaping in a Table Storage key, so an id is its own key and stays readable in Storage Explorer;
 * 128 characters is well under the 1 KiB key limit.
 */
const ID = /^[\p{L}\p{N}][\p{L}\p{N}._:@+-]*$/u;

export function idProblem(id: string): string | undefined {
  if (id.length > LIMITS.id) return `id is ${id.length} characters long; the limit is ${LIMITS.id}`;
  if (!ID.test(id)) return `id "${id}" may only contain letters, digits and . _ : @ + - and must start with a letter or digit`;
  return undefined;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** One-line text (names, environment…): no line breaks or control characters, bounded length. */
export function singleLineProblem(label: string, value: string, max: number): string | undefined {
  if (CONTROL.test(value)) return `${label} contains a line break or a control character`;
  if (value.length > max) return `${label} is ${value.length} characters long; the limit is ${max}`;
  return undefined;
}

/** Multi-line text (workarounds): line breaks and tabs allowed, other control characters not. */
export function multiLineProblem(label: string, value: string, max: number): string | undefined {
  if (CONTROL_EXCEPT_NEWLINE_TAB.test(value)) return `${label} contains a control character`;
  if (value.length > max) return `${label} is ${value.length} characters long; the limit is ${max}`;
  return undefined;
}

/** One newline convention everywhere, so a record compares equal whichever file it came from. */
export function normaliseNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}
