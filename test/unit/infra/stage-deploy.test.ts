/** The folder the toolkit's deploy zips for the web app: exactly what the running app reads. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STAGED_ENTRIES, stageFiles } from '../../../scripts/stage-deploy';

let root: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'stage-deploy-'));
  write('dist/index.js', 'console.log("bot")');
  write('dist/teams/card-templates.js', '// reads ../../cards');
  write('cards/welcome.json', '{"type":"AdaptiveCard"}');
  write('package.json', '{"name":"x"}');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('src/index.ts', 'source');
  write('test/a.test.ts', 'test');
  write('env/.env.dev.user', 'SECRET_BOT_PASSWORD=not-to-be-deployed');
  write('.env', 'BOT_PASSWORD=not-to-be-deployed');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('stage-deploy', () => {
  it('copies the built code, the cards and the package files, and nothing else', () => {
    const out = path.join(root, '.deploy');
    expect(stageFiles(root, out)).toEqual([...STAGED_ENTRIES]);
    expect(readdirSync(out).sort()).toEqual(['cards', 'dist', 'package-lock.json', 'package.json']);
    expect(readFileSync(path.join(out, 'dist', 'teams', 'card-templates.js'), 'utf8')).toBe('// reads ../../cards');
    expect(readFileSync(path.join(out, 'cards', 'welcome.json'), 'utf8')).toBe('{"type":"AdaptiveCard"}');
  });

  it('starts from an empty folder, so nothing of an earlier deployment is left behind', () => {
    const out = path.join(root, '.deploy');
    mkdirSync(path.join(out, 'dist'), { recursive: true });
    writeFileSync(path.join(out, 'dist', 'removed-module.js'), 'old');
    stageFiles(root, out);
    expect(existsSync(path.join(out, 'dist', 'removed-module.js'))).toBe(false);
  });

  it('says to build first when dist/ is missing, and copies nothing', () => {
    rmSync(path.join(root, 'dist'), { recursive: true });
    const out = path.join(root, '.deploy');
    expect(() => stageFiles(root, out)).toThrow(/missing dist in .* \(run `npm run build` first\)/);
    expect(existsSync(out)).toBe(false);
  });
});
