import { InvalidTicketNumberError } from '../../../src/domain/errors';
import { formatTicketNumber, normalizeTicketNumber, parseTicketNumber, tryParseTicketNumber } from '../../../src/domain/ticket-number';

describe('formatTicketNumber', () => {
  test.each([
    [1, 'HD-000001'],
    [42, 'HD-000042'],
    [999_999, 'HD-999999'],
    [1_000_000, 'HD-1000000'],
  ])('%i → %s', (n, text) => {
    expect(formatTicketNumber(n)).toBe(text);
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('%p is refused', (n) => {
    expect(() => formatTicketNumber(n)).toThrow(InvalidTicketNumberError);
  });
});

describe('parseTicketNumber: lenient with what people type', () => {
  test.each([
    ['HD-000042', 42],
    ['HD-42', 42],
    ['hd-000042', 42],
    ['Hd-42', 42],
    ['42', 42],
    ['000042', 42],
    ['HD 42', 42],
    ['HD42', 42],
    ['#42', 42],
    ['  HD-42  ', 42],
    ['HD-1000000', 1_000_000],
  ])('%p → %i', (text, n) => {
    expect(parseTicketNumber(text)).toBe(n);
    expect(tryParseTicketNumber(text)).toBe(n);
  });

  test.each([
    '',
    '   ',
    'HD-',
    'HD-0',
    '0',
    '-5',
    'HD--42',
    'HD-4x',
    'HD-42a',
    'XY-42',
    '4.2',
    '4 2',
    '1e3',
    '0x2A',
    'HD-42 please',
    'ticket HD-42',
    '٤٢', // Arabic-Indic digits
    '9999999999999999',
  ])('%p is refused', (text) => {
    expect(tryParseTicketNumber(text)).toBeUndefined();
    expect(() => parseTicketNumber(text)).toThrow(InvalidTicketNumberError);
  });

  test.each([undefined, null, 42, {}])('non-strings give undefined: %p', (v) => {
    expect(tryParseTicketNumber(v)).toBeUndefined();
  });

  test('the error carries its code and the input', () => {
    expect(() => parseTicketNumber('nope')).toThrow(expect.objectContaining({ code: 'invalid-ticket-number', input: 'nope' }));
  });

  test('round trip and normalisation', () => {
    for (const n of [1, 7, 42, 123_456, 9_999_999]) expect(parseTicketNumber(formatTicketNumber(n))).toBe(n);
    expect(normalizeTicketNumber('hd 42')).toBe('HD-000042');
    expect(() => normalizeTicketNumber('HD-x')).toThrow(InvalidTicketNumberError);
  });
});
