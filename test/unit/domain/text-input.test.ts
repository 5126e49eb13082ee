import { checkText, requireText } from '../../../src/domain/text-input';

describe('checkText: typed text, trimmed and bounded', () => {
  test.each<[string, unknown, boolean, object]>([
    ['text', '  hello ', true, { ok: true, text: 'hello' }],
    ['empty, required', '   ', true, { ok: false, reason: 'missing' }],
    ['empty, optional', '', false, { ok: true, text: undefined }],
    ['not a string, required', 42, true, { ok: false, reason: 'missing' }],
    ['not a string, optional', { text: 'x' }, false, { ok: true, text: undefined }],
    ['at the limit', 'é'.repeat(10), true, { ok: true, text: 'é'.repeat(10) }],
    ['over the limit', '가'.repeat(11), true, { ok: false, reason: 'too-long' }],
    ['over the limit after trimming only', ` ${'a'.repeat(10)} `, true, { ok: true, text: 'a'.repeat(10) }],
  ])('%s', (_name, value, required, expected) => {
    expect(checkText(value, { max: 10, required })).toEqual(expected);
  });

  test('requireText', () => {
    expect(requireText(' x ', 5)).toEqual({ ok: true, text: 'x' });
    expect(requireText(undefined, 5)).toEqual({ ok: false, reason: 'missing' });
    expect(requireText('xxxxxx', 5)).toEqual({ ok: false, reason: 'too-long' });
  });
});
