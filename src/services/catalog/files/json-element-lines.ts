/**
 * JSON.parse forgets positions; an import report needs the line where each record starts. This
 * scanner finds the start line of every element of the records array: the top-level array, or the
 * `value` array of a Dataverse Web API answer (`{ "@odata.context": …, "value": [ … ] }`).
 */
export function elementStartLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  /** Depth inside the records array, once found. */
  let recordsDepth: number | undefined;
  let expectElement = false;
  let lastKey: string | undefined;

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && recordsDepth === undefined) lastKey = text.slice(i + 1, end);
      i = end;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      const isRecords = c === '[' && recordsDepth === undefined && (depth === 1 || (depth === 2 && lastKey === 'value'));
      if (isRecords) {
        recordsDepth = depth;
        expectElement = true;
      }
    } else if (c === ']' || c === '}') {
      if (depth === recordsDepth && c === ']') return lines;
      depth--;
    } else if (c === ',' && depth === recordsDepth) {
      expectElement = true;
    }
  }
  return lines;
}

/** Index of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** Line of a character offset (JSON.parse errors name a position). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
