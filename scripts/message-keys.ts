/** Writes src/domain/message-keys.ts (the MessageKey union) from locales/en/*.json. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { messageKeysModule } from '../src/i18n/message-keys-source';

const target = path.resolve(__dirname, '../src/domain/message-keys.ts');
writeFileSync(target, messageKeysModule());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
