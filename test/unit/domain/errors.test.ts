import {
  DomainError,
  InvalidCalendarError,
  InvalidDurationError,
  InvalidSlaConfigError,
  InvalidTicketNumberError,
  InvalidTransitionError,
  literalGuard,
  literalParser,
  UnknownValueError,
} from '../../../src/domain/errors';

describe('domain errors', () => {
  test.each<[DomainError, string, string]>([
    [new UnknownValueError('tier', 'Huge', ['A']), 'unknown-value', 'UnknownValueError'],
    [new InvalidTransitionError('closed', 'reopen'), 'invalid-transition', 'InvalidTransitionError'],
    [new InvalidTicketNumberError('x'), 'invalid-ticket-number', 'InvalidTicketNumberError'],
    [new InvalidCalendarError('why'), 'invalid-calendar', 'InvalidCalendarError'],
    [new InvalidDurationError(-1), 'invalid-duration', 'InvalidDurationError'],
    [new InvalidSlaConfigError('why'), 'invalid-sla-config', 'InvalidSlaConfigError'],
  ])('%s has code %s', (error, code, name) => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error.message.length).toBeGreaterThan(0);
  });

  test('literal parsers and guards', () => {
    const parse = literalParser('colour', ['red', 'blue'] as const);
    const guard = literalGuard(['red', 'blue'] as const);
    expect(parse('red')).toBe('red');
    expect(() => parse('toString')).toThrow(UnknownValueError);
    expect(guard('blue')).toBe(true);
    expect(guard('constructor')).toBe(false);
  });
});
