/**
 * No words for people left in code: every string or template literal in src/ that looks like words
 * (two words, or a capitalised word) must be one of the allowed kinds below; words for people live
 * in locales/ and reach code only as message keys. Read with the TypeScript compiler API.
 */
import ts from 'typescript';
import { sourceLiterals, type Literal } from '../../support/source-literals';

/** Looks like words: a word, a blank and a letter ("no answer", "Sev A"), or a capital then lowercase ("Someone"). */
const WORDS = /[A-Za-z]{2,}[ \t]+[A-Za-z]|^[A-Z][a-z]/;

/** Folders and files whose literals never reach a person in Teams, and why. */
const ALLOWED_PLACES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^cli\//, 'CLI output for admins (issue 15: may stay English)'],
  [/^config\//, 'configuration documentation and errors for operators at startup'],
  [/^storage\//, 'storage speaks only in errors and logs (words for people come from services and presenters)'],
  [/^http\//, 'the HTTP layer answers machines (Bot Framework) and logs'],
  [/^telemetry\//, 'telemetry attribute names and logs'],
  [/^(index|start-[a-z-]+)\.ts$/, 'process start-up: logs and fatal errors for operators'],
  [/^i18n\/message-keys-source\.ts$/, 'the comment written into the generated MessageKey module'],
  [/^domain\/catalog\//, 'catalog import: column and value synonyms matched in admins’ files, and validation issues for the catalog CLI'],
  [/^domain\/severity\.ts$/, 'severityMatrixMarkdown: the README’s severity table (documentation)'],
  [/^services\/catalog\/files\//, 'catalog file parsing: issues reported by the catalog CLI'],
];

/** The callee of a call or `new` a literal is an argument of (at any depth), as written. */
function enclosingCall(literal: Literal): string | undefined {
  for (let node: ts.Node = literal.node.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return node.expression.getText(literal.source);
    if (ts.isBlock(node) || ts.isClassDeclaration(node)) return undefined;
  }
  return undefined;
}

function enclosingClassExtendsError(literal: Literal): boolean {
  for (let node: ts.Node = literal.node.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isClassDeclaration(node))
      return (node.heritageClauses ?? []).some((h) => /Error$/.test(h.types[0]?.expression.getText(literal.source) ?? ''));
  }
  return false;
}

/** The name of the property or variable a literal is assigned to, if any. */
function assignedTo(literal: Literal): string | undefined {
  const parent = literal.node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === literal.node) return parent.name.getText(literal.source);
  if (ts.isVariableDeclaration(parent) && parent.initializer === literal.node) return parent.name.getText(literal.source);
  return undefined;
}

/** Why a literal is allowed where it is; undefined when it is words for people left in code. */
function allowed(literal: Literal): string | undefined {
  for (const [place, why] of ALLOWED_PLACES) if (place.test(literal.file)) return why;
  const call = enclosingCall(literal);
  if (call !== undefined) {
    if (
      /(^|\.)(log|logger|reporter|io\.err|io\.out)\??\.(trace|debug|info|warn|error|fatal|write)$/.test(call) ||
      /^process\.std(err|out)\.write$/.test(call)
    )
      return 'a log line';
    if (/(^|\.)[A-Z][A-Za-z]*Error$/.test(call) || call === 'Error') return 'an internal error';
    if (call === 'super' && enclosingClassExtendsError(literal)) return 'an internal error';
    if (/^(literal(Parser|Guard)|unknown)$/.test(call)) return 'the value kind named in an internal parse error';
    if (/^Set$/.test(call)) return 'ids in a set';
  }
  const name = assignedTo(literal);
  if (name === 'detail' || name === 'lastError' || name === 'reason')
    return 'the diagnostic detail of a failed delivery (shown to admins as the connector said it)';
  if (/^[A-Z][A-Za-z]+$/.test(literal.text) && IDS.has(literal.text)) return 'an id';
  if (/^[A-Z][A-Za-z]*(Error|Refused)$/.test(literal.text)) return 'an error class name';
  const exception = EXCEPTIONS.find((e) => e.file === literal.file && e.text === literal.text);
  return exception?.why;
}

/** Single-word ids that look like words: tier values, SDK type and error names. */
const IDS = new Set([
  'Productivity',
  'Important',
  'Critical',
  'TextBlock',
  'FactSet',
  'AdaptiveCard',
  'ContinueConversation',
  'CreateConversation',
  'JsonWebTokenError',
  'TokenExpiredError',
  'NotBeforeError',
  'ConnectorTimeoutError',
  'Retry',
]);

/** The few literals that look like words and are not, each with its reason. */
const EXCEPTIONS: ReadonlyArray<{ readonly file: string; readonly text: string; readonly why: string }> = [
  { file: 'domain/sla.ts', text: 'Sev … × …', why: 'names the SLA target in an InvalidSlaConfigError (configuration, at startup)' },
  { file: 'services/catalog/catalog-sync.ts', text: 'the sync failed: …', why: 'the sync status the catalog CLI prints' },
];

describe('words for people in src/', () => {
  it('are all in locales/: no literal that looks like words is left in code, outside the allowed kinds', () => {
    const left = sourceLiterals()
      .filter((l) => WORDS.test(l.text))
      .filter((l) => allowed(l) === undefined)
      .map((l) => `${l.file}:${l.line} ${JSON.stringify(l.text)}`);
    expect(left).toEqual([]);
  });
});
