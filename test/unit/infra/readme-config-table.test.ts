/**
 * The README's configuration table is the one ENV_SPEC (src/config/env-spec.ts, the list the loader
 * reads) produces: `npm run docs:config` writes it, and this test fails when someone edits one and not
 * the other (the README used to list five variables twice, and the copies had drifted).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENV_SPEC } from '../../../src/config/env-spec';
import { configurationTable, tableIn, withConfigurationTable } from '../../../src/config/env-table';

const README = readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');

describe("the README's configuration table", () => {
  it('is what ENV_SPEC produces (run `npm run docs:config` after changing src/config/env-spec.ts)', () => {
    expect(tableIn(README)).toBe(configurationTable());
  });

  it('lists every variable once, in a row of three cells', () => {
    const lines = configurationTable().split('\n').slice(2);
    expect(lines.map((line) => /^\| `([A-Z0-9_]+)` \|/.exec(line)?.[1])).toEqual(ENV_SPEC.map((v) => v.name));
    // A `|` inside a cell (SLA_TARGETS' syntax) is escaped, so every row keeps its three cells.
    for (const line of lines) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(5);
  });

  it('is written between its markers, leaving the rest of the README as it is', () => {
    const readme = `# Title\n\nbefore\n\n${'<!-- configuration table: written from src/config/env-spec.ts by `npm run docs:config` -->'}\nold table\n<!-- end of configuration table -->\n\nafter\n`;
    const written = withConfigurationTable(readme, '| a |');
    expect(written).toBe(
      `# Title\n\nbefore\n\n<!-- configuration table: written from src/config/env-spec.ts by \`npm run docs:config\` -->\n| a |\n<!-- end of configuration table -->\n\nafter\n`,
    );
    expect(withConfigurationTable(written, '| a |')).toBe(written);
    expect(() => withConfigurationTable('# no markers')).toThrow(/no .* section for the configuration table/);
  });
});
