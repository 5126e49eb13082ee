import { capText, draftFromMessage, MESSAGE_RAW_LIMIT, textOfHtml, titleFrom } from '../../../src/domain/intake/message-report';
import { INTAKE_LIMITS, validateDetails } from '../../../src/domain/intake/intake-validation';
import { EMOJI, KOREAN, ofLength } from '../../support/large-text';

const BROKEN_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a Teams message as the start of a request', () => {
  it('reads the HTML Teams sends: paragraphs and line breaks as lines, tags dropped, entities decoded', () => {
    const html =
      '<div><p>Hi <at id="0">Megan</at>, the <b>Expense Tracker</b> totals are wrong &amp; the export fails &lt;again&gt;.</p>' +
      '<p>It says &quot;error 42&quot; &#8212; see <a href="https://evil.example">this</a>&nbsp;page.<br>Since this morning &#x1F525;</p></div>';
    expect(draftFromMessage(html, 'html')).toEqual({
      title: 'Hi Megan, the Expense Tracker totals are wrong & the export fails <again>.',
      description:
        'Hi Megan, the Expense Tracker totals are wrong & the export fails <again>.\nIt says "error 42" — see this page.\nSince this morning 🔥',
    });
  });

  it('keeps a plain-text message as it is, folding blanks and dropping control characters', () => {
    expect(draftFromMessage('  First line\r\n\r\n\r\n\r\nsecond\t\t line \u0007\n', 'text')).toEqual({
      title: 'First line',
      description: 'First line\n\nsecond line',
    });
    // Text that looks like HTML in a plain-text message is text.
    expect(draftFromMessage('a <b> c &amp; d', 'text').description).toBe('a <b> c &amp; d');
  });

  it('is empty for a body that is not a string', () => {
    for (const content of [undefined, null, 42, {}, ['x'], true])
      expect(draftFromMessage(content, 'html')).toEqual({ title: '', description: '' });
  });

  it('treats broken markup and unknown or oversized entities as text', () => {
    expect(textOfHtml('a < b and c > d')).toBe('a  d'); // a tag-like span between < and > is a tag
    expect(textOfHtml('1 < 2')).toBe('1 < 2');
    expect(textOfHtml('&bogus; &#0; &#xD800; &#99999999; &amp &toString; &#x110000;')).toBe(
      '&bogus; &#0; &#xD800; &#99999999; &amp &toString; &#x110000;',
    );
  });

  it('cuts the title at the first line, within the intake limit, with an ellipsis when cut', () => {
    expect(titleFrom('\n\n  Short one  \nsecond')).toBe('Short one');
    const long = titleFrom('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(INTAKE_LIMITS.title);
    expect(long.endsWith('…')).toBe(true);
  });

  it.each([
    ['Korean', KOREAN],
    ['emoji', EMOJI],
  ])('bounds a huge message in %s to the intake limits, never cutting a character in two, and the result validates', (_name, unit) => {
    const huge = ofLength(unit, 500_000);
    for (const type of ['html', 'text']) {
      const draft = draftFromMessage(huge, type);
      expect(draft.description.length).toBeLessThanOrEqual(INTAKE_LIMITS.description);
      expect(draft.description.length).toBeGreaterThan(INTAKE_LIMITS.description - 4);
      expect(draft.title.length).toBeLessThanOrEqual(INTAKE_LIMITS.title);
      expect(BROKEN_SURROGATE.test(draft.description) || BROKEN_SURROGATE.test(draft.title)).toBe(false);
      expect(validateDetails({ ...draft, since: '', impact: 'me', urgency: 'blocked' })).toMatchObject({ ok: true });
    }
  });

  it('reads at most the raw limit: markup past it is never looked at', () => {
    // Words after the raw limit are not read, even when the markup before them has no text at all.
    const markup = '<b></b>'.repeat(Math.ceil(MESSAGE_RAW_LIMIT / 7));
    expect(draftFromMessage(`${markup}too far`, 'html').description).toBe('');
    expect(draftFromMessage(`${'<b></b>'.repeat(Math.floor((MESSAGE_RAW_LIMIT - 4) / 7))}near`, 'html').description).toBe('near');
    // An endless run of "<" (each a tag start without an end) is read in one pass.
    expect(draftFromMessage('<'.repeat(1_000_000), 'html').description).toBe('<'.repeat(INTAKE_LIMITS.description));
  });

  it('capText never leaves half of a surrogate pair', () => {
    expect(capText('ab😀', 3)).toBe('ab');
    expect(capText('ab😀', 4)).toBe('ab😀');
    expect(capText('abc', 10)).toBe('abc');
  });
});
