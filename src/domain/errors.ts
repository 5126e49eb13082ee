/**
 * Typed errors thrown by the pure domain. Callers branch on `code`, never on the message text.
 */

export type DomainErrorCode =
  'unknown-value' | 'invalid-transition' | 'invalid-ticket-number' | 'invalid-calendar' | 'invalid-duration' | 'invalid-sla-config';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  protected constructor(message: string) {
    super(message);
    // Keep the subclass name in stack traces and logs.
    this.name = new.target.name;
  }
}

/** A string from outside (card data, storage, config) that is not one of a closed set of values. */
export class UnknownValueError extends DomainError {
  readonly code = 'unknown-value' as const;

  constructor(
    readonly kind: string,
    readonly value: unknown,
    readonly allowed: readonly string[],
  ) {
    super(`Unknown ${kind} ${JSON.stringify(value)}; expected one of: ${allowed.join(', ')}`);
  }
}

/** Build a parser for a closed set of string literals, throwing UnknownValueError on anything else. */
export function literalParser<T extends string>(kind: string, values: readonly T[]): (value: unknown) => T {
  return (value: unknown): T => {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    throw new UnknownValueError(kind, value, values);
  };
}

/** Build a type guard for a closed set of string literals. */
export function literalGuard<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** A business-hours calendar that cannot be computed with (no weekday, end before start, bad zone…). */
export class InvalidCalendarError extends DomainError {
  readonly code = 'invalid-calendar' as const;

  constructor(readonly reason: string) {
    super(`Invalid SLA calendar: ${reason}`);
  }
}

/** A duration that is negative, not finite, or not a whole number of minutes where one is needed. */
export class InvalidDurationError extends DomainError {
  readonly code = 'invalid-duration' as const;

  constructor(readonly value: number) {
    super(`Invalid duration: ${value}`);
  }
}

/** An SLA configuration with a missing or nonsensical target. */
export class InvalidSlaConfigError extends DomainError {
  readonly code = 'invalid-sla-config' as const;

  constructor(readonly reason: string) {
    super(`Invalid SLA configuration: ${reason}`);
  }
}

/** An action that the ticket's current status does not allow (e.g. reopening a closed ticket). */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid-transition' as const;

  constructor(
    readonly from: string,
    readonly action: string,
  ) {
    super(`Cannot ${action} a ticket that is ${from}`);
  }
}

/** Text that is not a ticket number (HD-000042, HD-42, 42), or a sequence number out of range. */
export class InvalidTicketNumberError extends DomainError {
  readonly code = 'invalid-ticket-number' as const;

  constructor(readonly input: unknown) {
    super(`Not a ticket number: ${JSON.stringify(input)}`);
  }
}
