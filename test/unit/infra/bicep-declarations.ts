/**
 * The `param` and `output` declarations of a Bicep file, read line by line: no Bicep compiler runs
 * on this machine, and these two are all the toolkit files depend on. Both are top-level statements
 * that start a line, so a line reader that skips comments and multi-line strings is enough.
 */
export interface BicepParam {
  readonly type: string;
  readonly hasDefault: boolean;
}

export interface BicepDeclarations {
  readonly params: ReadonlyMap<string, BicepParam>;
  readonly outputs: ReadonlyMap<string, { readonly type: string }>;
}

const DECLARATION = /^(param|output)\s+([A-Za-z_][A-Za-z0-9_]*)\s+(resource\s+'[^']*'|[A-Za-z_][A-Za-z0-9_.]*(?:\[\])?)(.*)$/;

/** The line without a trailing `//` comment; `//` inside a '…' string is kept. */
function withoutLineComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString && c === '\\') i++;
    else if (c === "'") inString = !inString;
    else if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

export function readBicepDeclarations(text: string): BicepDeclarations {
  const params = new Map<string, BicepParam>();
  const outputs = new Map<string, { type: string }>();
  let inBlockComment = false;
  let inMultilineString = false;
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine;
    if (inMultilineString) {
      // a line inside ''' … ''' is text, whatever it looks like
      if (!line.includes("'''")) continue;
      line = line.slice(line.indexOf("'''") + 3);
      inMultilineString = false;
    }
    if (inBlockComment) {
      if (!line.includes('*/')) continue;
      line = line.slice(line.indexOf('*/') + 2);
      inBlockComment = false;
    }
    const blockStart = line.indexOf('/*');
    if (blockStart !== -1 && !line.includes('*/', blockStart)) {
      inBlockComment = true;
      line = line.slice(0, blockStart);
    }
    if ((line.split("'''").length - 1) % 2 === 1) inMultilineString = true;
    const match = DECLARATION.exec(withoutLineComment(line).trimEnd());
    if (!match) continue;
    const [, kind, name, type, rest] = match;
    if (kind === 'param') params.set(name, { type, hasDefault: /^\s*=/.test(rest) });
    else if (/^\s*=/.test(rest)) outputs.set(name, { type });
  }
  return { params, outputs };
}
