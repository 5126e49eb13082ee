/**
 * The one place that decides how text goes into Table Storage properties, and reads it back.
 *
 * Text that can be large or carry anything a person typed (JSON of requests, tickets, history,
 * outbox messages, drafts, conversation references, the bot's state) is stored as Edm.Binary: its
 * UTF-8 bytes, split over as many properties as it needs (`data`, `data_1`, `data_2`…), each at most
 * 64 KiB. Two reasons:
 * - The SDK sends binary properties base64-encoded, so the request body is pure ASCII. Azurite 3.35
 *   (the local default) decodes a large request body chunk by chunk, and a multi-byte UTF-8
 *   character that straddles two chunks comes back as U+FFFD; an ASCII byte cannot straddle
 *   anything. Real Azure does not do this, but the product must behave the same on both.
 * - Parts are split by bytes, so a text of any size the entity can hold fits, whatever its script
 *   (a binary property holds 64 KiB: twice the ASCII a 32 Ki-code-unit string property holds, the
 *   same emoji, two thirds of the Korean), and the split never has to respect characters.
 *
 * Only well-formed text round-trips exactly: a lone surrogate (half an emoji) becomes U+FFFD, as in
 * any UTF-8 store. JSON never holds one (JSON.stringify escapes them).
 *
 * Rows written before this change hold the same text as one string property (`data`): every reader
 * accepts both forms. A text is always written with all its parts (create, Replace, or in a
 * transaction), never through a Merge, so a shorter text never leaves stale parts behind.
 */
import { ValueTooLargeError } from '../domain/ports/storage-errors';

/** Table Storage's limit for one binary property. */
export const MAX_PART_BYTES = 64 * 1024;
/**
 * 8 × 64 KiB = 512 KiB, 683 KiB once base64-encoded on the wire: inside the 1 MiB entity limit (which
 * Azurite applies to the request body) with room for the row's keys and other properties.
 */
export const MAX_TEXT_PARTS = 8;

/** `name`, `name_1`, `name_2`…: where part `index` of a text is stored. */
export function partName(name: string, index: number): string {
  return index === 0 ? name : `${name}_${index}`;
}

/** Properties holding one text: `name` always, `name_1`… when it needs more than one part. */
export type TextProperties<N extends string> = { [K in N]: Uint8Array } & { [K in `${N}_${number}`]?: Uint8Array };

/** A row whose `data` is JSON of any size (UTF-8 bytes in parts; a string in rows written before binary storage). */
export type DataRow = { partitionKey: string; rowKey: string } & TextProperties<'data'>;

/**
 * The UTF-8 bytes of `text` in parts of at most `partBytes` (always at least one part, possibly empty).
 * Parts are Buffers: the SDK base64-encodes a plain Uint8Array view as its whole underlying buffer.
 */
export function textToParts(text: string, partBytes = MAX_PART_BYTES): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let start = 0; start === 0 || start < bytes.length; start += partBytes) parts.push(bytes.subarray(start, start + partBytes));
  return parts;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text stored in `parts`, in order: binary parts (UTF-8 bytes, split anywhere) or, from rows
 * written before binary storage, strings. Invalid UTF-8 throws rather than turning into U+FFFD.
 */
export function textFromParts(parts: readonly unknown[]): string {
  if (parts.every((part) => typeof part === 'string')) return (parts as string[]).join('');
  const bytes = parts.map((part, i) => {
    if (part instanceof Uint8Array) return part;
    if (typeof part === 'string') return Buffer.from(part, 'utf8');
    throw new TypeError(`stored text part ${i} is ${part === undefined ? 'missing' : typeof part}, expected bytes or a string`);
  });
  return UTF8.decode(Buffer.concat(bytes));
}

/** The properties that store `text` under `name`; ValueTooLargeError beyond MAX_TEXT_PARTS. */
export function textProperties<N extends string>(name: N, text: string, what: string = name): TextProperties<N> {
  const parts = textToParts(text);
  if (parts.length > MAX_TEXT_PARTS) throw new ValueTooLargeError(what, Buffer.byteLength(text, 'utf8'), MAX_TEXT_PARTS * MAX_PART_BYTES);
  const properties: Record<string, Uint8Array> = {};
  parts.forEach((part, i) => (properties[partName(name, i)] = part));
  return properties as TextProperties<N>;
}

/** The text an entity stores under `name` (either form); TypeError when the property is missing. */
export function readText(entity: object, name: string): string {
  const row = entity as Record<string, unknown>;
  const first = row[name];
  if (typeof first === 'string') return first;
  if (!(first instanceof Uint8Array)) throw new TypeError(`stored text "${name}" is ${first === undefined ? 'missing' : typeof first}`);
  const parts: unknown[] = [first];
  for (let i = 1; row[partName(name, i)] !== undefined; i++) parts.push(row[partName(name, i)]);
  return textFromParts(parts);
}

/** The text an entity stores under `name`, or undefined when it stores none. */
export function readOptionalText(entity: object, name: string): string | undefined {
  return (entity as Record<string, unknown>)[name] === undefined ? undefined : readText(entity, name);
}

/** JSON of `value` stored under `name` (see textProperties). */
export function jsonProperties<N extends string>(name: N, value: unknown, what?: string): TextProperties<N> {
  return textProperties(name, JSON.stringify(value), what);
}

export function readJson<T>(entity: object, name: string): T {
  return JSON.parse(readText(entity, name)) as T;
}

/**
 * One short text column that people read and edit in Storage Explorer (the catalog's columns):
 * kept as a string when it is ASCII, which no chunk boundary can corrupt, and as UTF-8 bytes
 * otherwise. Read it back with `readText`.
 */
export function columnValue(text: string): string | Uint8Array {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text) ? text : Buffer.from(text, 'utf8');
}
