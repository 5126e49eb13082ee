/**
 * `npm run docs:config`: writes the README's configuration table from src/config/env-spec.ts (the
 * list the configuration loader reads). test/unit/infra/readme-config-table.test.ts fails when the
 * README's table differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withConfigurationTable } from '../src/config/env-table';

const README = path.resolve(__dirname, '..', 'README.md');
const before = readFileSync(README, 'utf8');
const after = withConfigurationTable(before);
if (after === before) {
  console.log('README.md: the configuration table is up to date');
} else {
  writeFileSync(README, after);
  console.log('README.md: configuration table written from src/config/env-spec.ts');
}
