/**
 * Human-friendly ticket numbers: HD-000042. Storage hands out the sequence number (unique under
 * concurrency); this file only formats and parses. Parsing is lenient for what people type in chat.
 */
import { InvalidTicketNumberError } from './errors';

export const TICKET_PREFIX = 'HD';
/** Digits are zero-padded to this width; larger numbers simply get longer. */
export const TICKET_NUMBER_WIDTH = 6;

/** A formatted ticket number, e.g. "HD-000042". */
export type TicketNumber = `${typeof TICKET_PREFIX}-${string}`;

export function formatTicketNumber(sequence: number): TicketNumber {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new InvalidTicketNumberError(sequence);
  return `${TICKET_PREFIX}-${String(sequence).padStart(TICKET_NUMBER_WIDTH, '0')}`;
}

// "HD-42", "hd-000042", "HD 42", "HD42", "#42", "42"; surrounding spaces are ignored.
const PATTERN = /^(?:hd[\s-]?|#)?(\d{1,15})$/i;

/** The sequence number of a ticket number as typed, or an InvalidTicketNumberError. */
export function parseTicketNumber(input: string): number {
  const n = tryParseTicketNumber(input);
  if (n === undefined) throw new InvalidTicketNumberError(input);
  return n;
}

/** Like parseTicketNumber, but undefined for text that is not a ticket number. */
export function tryParseTicketNumber(input: unknown): number | undefined {
  if (typeof input !== 'string') return undefined;
  const match = PATTERN.exec(input.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

/** "hd-42" → "HD-000042". */
export function normalizeTicketNumber(input: string): TicketNumber {
  return formatTicketNumber(parseTicketNumber(input));
}
