/** The string literals of our TypeScript sources, read with the TypeScript compiler API (no regex over code). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const SRC = path.resolve(__dirname, '../../src');

export interface Literal {
  /** Path from src/, with forward slashes. */
  readonly file: string;
  readonly line: number;
  /** The text; a template literal's parts joined with `…` where its expressions are. */
  readonly text: string;
  readonly node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;
  readonly source: ts.SourceFile;
}

export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every string and template literal in src/, except module specifiers (import/export ... from '…'). */
export function sourceLiterals(): Literal[] {
  const out: Literal[] = [];
  for (const full of sourceFiles()) {
    const source = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const file = path.relative(SRC, full).split(path.sep).join('/');
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node) || ts.isExternalModuleReference(node))
        return;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const text = ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…')
          : node.text;
        out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text, node, source });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
