import { ValueTooLargeError } from '../../../src/domain/ports/storage-errors';
import {
  columnValue,
  jsonProperties,
  MAX_PART_BYTES,
  MAX_TEXT_PARTS,
  readJson,
  readOptionalText,
  readText,
  textFromParts,
  textProperties,
  textToParts,
} from '../../../src/storage/stored-text';
import { EMOJI, fill, KOREAN } from '../../support/large-text';

describe('stored text (UTF-8 bytes in 64 KiB parts)', () => {
  it.each([
    ['Korean', KOREAN],
    ['emoji', EMOJI],
  ])('splits %s text anywhere, even inside a character, and joins it back exactly', (_label, unit) => {
    const text = fill(unit, 1000);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const parts = textToParts(text, size);
      expect(parts.every((p) => p.length <= size)).toBe(true);
      expect(textFromParts(parts)).toBe(text);
    }
  });

  it('always writes at least one part, and an empty text reads back empty', () => {
    expect(textToParts('')).toHaveLength(1);
    expect(readText(textProperties('data', ''), 'data')).toBe('');
  });

  it('names parts data, data_1, data_2… and reads them in order', () => {
    const text = fill(KOREAN, 2 * MAX_PART_BYTES + 10);
    const properties = textProperties('data', text);
    expect(Object.keys(properties)).toEqual(['data', 'data_1', 'data_2']);
    expect(properties.data).toHaveLength(MAX_PART_BYTES);
    expect(readText({ partitionKey: 'p', rowKey: 'r', ...properties }, 'data')).toBe(text);
  });

  it('reads the older form, a string property, as it is', () => {
    expect(readText({ data: `{"a":"${KOREAN}"}` }, 'data')).toBe(`{"a":"${KOREAN}"}`);
    expect(readJson({ data: JSON.stringify({ a: EMOJI }) }, 'data')).toEqual({ a: EMOJI });
    expect(readOptionalText({}, 'note')).toBeUndefined();
    expect(readOptionalText({ note: 'old' }, 'note')).toBe('old');
  });

  it('refuses bytes that are not UTF-8 instead of turning them into U+FFFD', () => {
    expect(() => readText({ data: Buffer.from([0xe2, 0x82]) }, 'data')).toThrow(/not valid/);
    expect(() => readText({}, 'data')).toThrow('stored text "data" is missing');
  });

  it('refuses a text larger than MAX_TEXT_PARTS parts, naming what it is', () => {
    const huge = 'x'.repeat(MAX_TEXT_PARTS * MAX_PART_BYTES + 1);
    expect(() => jsonProperties('data', huge, 'ticket T')).toThrow(ValueTooLargeError);
    expect(() => jsonProperties('data', huge, 'ticket T')).toThrow(/"ticket T"/);
    expect(Object.keys(jsonProperties('data', 'x'.repeat(MAX_TEXT_PARTS * MAX_PART_BYTES - 10)))).toHaveLength(MAX_TEXT_PARTS);
  });

  it('keeps catalog columns readable when they are ASCII, bytes otherwise', () => {
    expect(columnValue('Expenses (EMEA) <x@y.example>')).toBe('Expenses (EMEA) <x@y.example>');
    expect(columnValue('Zoë')).toEqual(Buffer.from('Zoë', 'utf8'));
    expect(readText({ name: columnValue(`${KOREAN}${EMOJI}`) }, 'name')).toBe(`${KOREAN}${EMOJI}`);
  });
});
