/**
 * The Teams app package: `npm run package` output validated offline against the official schemas
 * shipped in @microsoft/app-manifest, icons checked, placeholders filled, configuration errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  LOCALIZATION_SCHEMA_FILE,
  MANIFEST_SCHEMA_FILE,
  TEAMS_SCHEMA_ROOT,
  checkOutlineIcon,
  schemaDirFor,
  schemaValidator,
  validateAppPackage,
} from '../../../scripts/manifest-validate';
import { PACKAGE_VARIABLES, PackageConfigError, buildAppPackage, parseDotEnv, readPackageValues } from '../../../scripts/package-app';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/make-icons';
import { REPORT_PROBLEM_COMMAND } from '../../../src/teams/routes/message-action-routes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const SCRIPT = path.join(ROOT, 'scripts', 'package-app.ts');

const SAMPLE = {
  BOT_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  BOT_DOMAIN: 'app-support-intake-test.azurewebsites.net',
  APP_ID: '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
  APP_VERSION: '2.3.4',
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked by the assertions
type Manifest = Record<string, any>;

let tmp: string;
let files: Map<string, Buffer>;
let manifest: Manifest;
const network: string[] = [];

function json(name: string): Record<string, unknown> {
  const data = files.get(name);
  if (!data) throw new Error(`${name} is not in the package`);
  return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
}

function decode(data: Buffer): PNG {
  return PNG.sync.read(data);
}

function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set(rgba, i);
  return PNG.sync.write(image);
}

function schemaErrors(validate: ReturnType<typeof schemaValidator>, value: unknown): string {
  return validate(value) ? '' : JSON.stringify(validate.errors, null, 2);
}

beforeAll(async () => {
  // the validation must never reach the network: fail loudly if anything tries
  const refuse =
    (what: string) =>
    (..._args: unknown[]) => {
      network.push(what);
      throw new Error(`network access attempted: ${what}`);
    };
  jest.spyOn(http, 'request').mockImplementation(refuse('http.request') as never);
  jest.spyOn(http, 'get').mockImplementation(refuse('http.get') as never);
  jest.spyOn(https, 'request').mockImplementation(refuse('https.request') as never);
  jest.spyOn(https, 'get').mockImplementation(refuse('https.get') as never);
  jest.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch') as never);

  tmp = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  const result = await buildAppPackage({ env: { ...SAMPLE }, outFile: path.join(tmp, 'appPackage.zip') });
  expect(result.outFile).toBe(path.join(tmp, 'appPackage.zip'));

  const zip = await JSZip.loadAsync(readFileSync(result.outFile));
  files = new Map();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  manifest = json('manifest.json');
});

afterAll(() => {
  jest.restoreAllMocks();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the generated app package', () => {
  it('holds the manifest, both icons and the localization files, all at the root', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'fr.json', 'ko.json', 'manifest.json', 'outline.png', 'sv.json']);
  });

  it('uses a released v1.x manifest version whose schema is shipped', () => {
    expect(manifest.manifestVersion).toMatch(/^1\.\d+$/);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(existsSync(path.join(TEAMS_SCHEMA_ROOT, `v${manifest.manifestVersion}`, MANIFEST_SCHEMA_FILE))).toBe(true);
  });

  it('validates against the official manifest schema, offline', () => {
    const validate = schemaValidator(path.join(schemaDirFor(manifest.manifestVersion), MANIFEST_SCHEMA_FILE));
    expect(schemaErrors(validate, manifest)).toBe('');
    expect(validateAppPackage(files)).toEqual([]);
    expect(network).toEqual([]);
  });

  it('has every placeholder replaced by the configured values', () => {
    for (const [name, data] of files) {
      if (name.endsWith('.json')) expect(data.toString('utf8')).not.toMatch(/\$\{\{/);
    }
    expect(manifest.id).toBe(SAMPLE.APP_ID);
    expect(manifest.version).toBe(SAMPLE.APP_VERSION);
    expect(manifest.bots[0].botId).toBe(SAMPLE.BOT_ID);
    expect(manifest.validDomains).toEqual([SAMPLE.BOT_DOMAIN]);
    expect(manifest.developer.websiteUrl).toBe(`https://${SAMPLE.BOT_DOMAIN}/`);
  });

  it('uses only placeholders that the package script knows', () => {
    const template = readFileSync(path.join(MANIFEST_DIR, 'manifest.template.json'), 'utf8');
    const used = [...template.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]);
    expect(used).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'APP_ID', 'APP_VERSION']));
    for (const name of used) expect(PACKAGE_VARIABLES).toContain(name);
  });

  it('declares one bot for personal, team and group chat, without files, with a command list per scope', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0];
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    const titles = (scope: string) =>
      bot.commandLists
        .filter((list: Manifest) => list.scopes.length === 1 && list.scopes[0] === scope)
        .flatMap((list: Manifest) => list.commands.map((c: Manifest) => c.title));
    expect(titles('personal')).toEqual(['help', 'new request', 'my requests', 'my solutions', 'solution']);
    expect(titles('team')).toEqual(['register help desk', 'register dedicated team', 'open tickets', 'unassigned', 'mine', 'ticket']);
    expect(titles('groupChat')).toEqual(['help']);
    for (const list of bot.commandLists) for (const command of list.commands) expect(command.description).toBeTruthy();
    expect(manifest.name).toEqual({ short: 'Support Intake', full: 'Power Platform Support Intake' });
  });

  it('declares "Report a problem" as a message action of the same bot, answered by the route of the same command id', () => {
    expect(manifest.composeExtensions).toEqual([
      {
        botId: SAMPLE.BOT_ID,
        commands: [
          {
            id: REPORT_PROBLEM_COMMAND,
            type: 'action',
            context: ['message'],
            fetchTask: true,
            title: 'Report a problem',
            description: expect.any(String),
          },
        ],
      },
    ]);
  });

  describe('localization', () => {
    it('defaults to English and adds French, Swedish and Korean', () => {
      expect(manifest.localizationInfo.defaultLanguageTag).toBe('en-us');
      expect(manifest.localizationInfo.additionalLanguages).toEqual([
        { languageTag: 'fr', file: 'fr.json' },
        { languageTag: 'sv', file: 'sv.json' },
        { languageTag: 'ko', file: 'ko.json' },
      ]);
    });

    it.each(['fr.json', 'sv.json', 'ko.json'])('%s validates against the official localization schema', (name) => {
      const schemaFile = path.join(schemaDirFor(manifest.manifestVersion), LOCALIZATION_SCHEMA_FILE);
      expect(existsSync(schemaFile)).toBe(true);
      expect(schemaErrors(schemaValidator(schemaFile), json(name))).toBe('');
      expect(json(name).$schema).toBe(
        `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
      );
    });

    it.each(['fr.json', 'sv.json', 'ko.json'])('%s translates the names, descriptions and every command description', (name) => {
      const strings = json(name);
      for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
        const [group, field] = key.split('.');
        expect(strings[key]).toEqual(expect.any(String));
        expect(strings[key]).not.toBe(manifest[group][field]);
      }
      manifest.bots[0].commandLists.forEach((list: Manifest, i: number) => {
        list.commands.forEach((command: Manifest, j: number) => {
          const localized = strings[`bots[0].commandLists[${i}].commands[${j}].description`];
          expect(localized).toEqual(expect.any(String));
          expect(localized).not.toBe(command.description);
          // titles are what the bot parses: they stay as in the manifest
          expect(strings).not.toHaveProperty(`bots[0].commandLists[${i}].commands[${j}].title`);
        });
      });
      // the message action's title is only shown, never parsed: it is translated with its description
      manifest.composeExtensions[0].commands.forEach((command: Manifest, j: number) => {
        for (const field of ['title', 'description']) {
          const localized = strings[`composeExtensions[0].commands[${j}].${field}`];
          expect(localized).toEqual(expect.any(String));
          expect(localized).not.toBe(command[field]);
        }
      });
    });
  });

  describe('icons', () => {
    it('has a 192×192 colour icon', () => {
      const color = decode(files.get(manifest.icons.color) as Buffer);
      expect([color.width, color.height]).toEqual([192, 192]);
    });

    it('has a 32×32 outline icon made only of white and transparent pixels', () => {
      const outline = decode(files.get(manifest.icons.outline) as Buffer);
      expect([outline.width, outline.height]).toEqual([32, 32]);
      let transparent = 0;
      let visible = 0;
      for (let i = 0; i < outline.data.length; i += 4) {
        if (outline.data[i + 3] === 0) {
          transparent++;
        } else {
          visible++;
          expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
        }
      }
      expect(transparent).toBeGreaterThan(0);
      expect(visible).toBeGreaterThan(0);
      // the corners are background
      for (const i of [0, 31, 32 * 31, 32 * 32 - 1]) expect(outline.data[i * 4 + 3]).toBe(0);
    });

    it('are the pictures scripts/make-icons.ts draws', () => {
      expect(decode(readFileSync(path.join(MANIFEST_DIR, 'color.png'))).data.equals(decode(drawColorIcon()).data)).toBe(true);
      expect(decode(readFileSync(path.join(MANIFEST_DIR, 'outline.png'))).data.equals(decode(drawOutlineIcon()).data)).toBe(true);
    });
  });
});

describe('package validation rejects', () => {
  const replaced = (name: string, data: Buffer | undefined) => {
    const copy = new Map(files);
    if (data === undefined) copy.delete(name);
    else copy.set(name, data);
    return validateAppPackage(copy);
  };

  it('an outline icon with coloured pixels or no transparency', () => {
    expect(replaced('outline.png', png(32, 32, [255, 0, 0, 255])).join('\n')).toMatch(/not white[\s\S]*no transparent pixel/);
    expect(checkOutlineIcon('o.png', png(32, 32, [255, 255, 255, 0]))).toEqual(['o.png is fully transparent']);
  });

  it('icons of the wrong size', () => {
    expect(replaced('color.png', png(96, 96, [0, 0, 255, 255]))).toEqual(['color.png must be 192×192 pixels (is 96×96)']);
    expect(replaced('outline.png', png(16, 16, [255, 255, 255, 0]))).toEqual(['outline.png must be 32×32 pixels (is 16×16)']);
  });

  it('a missing localization file, an unknown file and a manifest that breaks the schema', () => {
    expect(replaced('ko.json', undefined)).toEqual(['the localization file ko.json is not in the package']);
    expect(replaced('notes.txt', Buffer.from('x'))).toEqual(['notes.txt is in the package but the manifest does not refer to it']);
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], scopes: ['personal', 'meetings'] }] };
    expect(replaced('manifest.json', Buffer.from(JSON.stringify(broken))).join('\n')).toMatch(/\/bots\/0\/scopes\/1/);
  });
});

describe('package configuration', () => {
  it('requires BOT_ID and names it', () => {
    expect(() => readPackageValues({ BOT_DOMAIN: SAMPLE.BOT_DOMAIN })).toThrow(PackageConfigError);
    expect(() => readPackageValues({ BOT_DOMAIN: SAMPLE.BOT_DOMAIN })).toThrow(/BOT_ID is not set/);
    expect(() => readPackageValues({ BOT_ID: '  ', BOT_DOMAIN: SAMPLE.BOT_DOMAIN })).toThrow(/BOT_ID is not set/);
  });

  it('rejects a BOT_ID that is not a GUID', () => {
    expect(() => readPackageValues({ BOT_ID: 'my-bot', BOT_DOMAIN: SAMPLE.BOT_DOMAIN })).toThrow(/BOT_ID must be a GUID.*"my-bot"/);
    expect(() => readPackageValues({ BOT_ID: `${SAMPLE.BOT_ID}0`, BOT_DOMAIN: SAMPLE.BOT_DOMAIN })).toThrow(/BOT_ID must be a GUID/);
  });

  it('requires BOT_DOMAIN as a bare host name', () => {
    expect(() => readPackageValues({ BOT_ID: SAMPLE.BOT_ID })).toThrow(/BOT_DOMAIN is not set/);
    for (const bad of ['https://bot.example.com', 'bot.example.com/api/messages', 'bot.example.com:443', 'localhost']) {
      expect(() => readPackageValues({ BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: bad })).toThrow(/BOT_DOMAIN must be a host name/);
    }
  });

  it('reports every problem at once', () => {
    try {
      readPackageValues({ APP_VERSION: '1.0' });
      throw new Error('expected a PackageConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(PackageConfigError);
      const problems = (error as PackageConfigError).problems.join('\n');
      expect(problems).toMatch(/BOT_ID is not set/);
      expect(problems).toMatch(/BOT_DOMAIN is not set/);
      expect(problems).toMatch(/APP_VERSION must be MAJOR.MINOR.PATCH/);
    }
  });

  it('defaults APP_ID to BOT_ID and APP_VERSION to the package version, and checks them when set', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const values = readPackageValues({ BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: SAMPLE.BOT_DOMAIN });
    expect(values.APP_ID).toBe(SAMPLE.BOT_ID);
    expect(values.APP_VERSION).toBe(pkg.version);
    expect(() => readPackageValues({ BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: SAMPLE.BOT_DOMAIN, APP_ID: 'x' })).toThrow(/APP_ID must be a GUID/);
    expect(() => readPackageValues({ BOT_ID: SAMPLE.BOT_ID, BOT_DOMAIN: SAMPLE.BOT_DOMAIN, PRIVACY_URL: 'http://x.example' })).toThrow(
      /PRIVACY_URL must be an https:\/\/ URL/,
    );
  });

  it('writes nothing when the configuration is wrong', async () => {
    const outFile = path.join(tmp, 'not-written.zip');
    await expect(buildAppPackage({ env: { BOT_DOMAIN: SAMPLE.BOT_DOMAIN }, outFile })).rejects.toThrow(/BOT_ID is not set/);
    expect(existsSync(outFile)).toBe(false);
  });

  it('parses .env files simply', () => {
    expect(
      parseDotEnv(
        [
          '# comment',
          'BOT_ID=abc',
          'export BOT_DOMAIN = "bot.example.com"',
          "APP_VERSION='1.2.3'",
          'EMPTY=',
          'X=1 # note',
          'bad line',
        ].join('\n'),
      ),
    ).toEqual({ BOT_ID: 'abc', BOT_DOMAIN: 'bot.example.com', APP_VERSION: '1.2.3', EMPTY: '', X: '1' });
  });
});

describe('npm run package (the command line)', () => {
  const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

  function run(cwd: string, extraEnv: Record<string, string>, args: string[] = []) {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !(PACKAGE_VARIABLES as readonly string[]).includes(name)) env[name] = value;
    }
    return spawnSync(process.execPath, [tsxCli, SCRIPT, ...args], { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });
  }

  it('fails with a message naming BOT_ID when it is missing', () => {
    const cwd = mkdtempSync(path.join(tmp, 'cli-'));
    const result = run(cwd, { BOT_DOMAIN: SAMPLE.BOT_DOMAIN }, ['--out', 'out.zip']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/BOT_ID is not set/);
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
  }, 60_000);

  it('fails with a message naming BOT_ID when it is malformed', () => {
    const cwd = mkdtempSync(path.join(tmp, 'cli-'));
    const result = run(cwd, { BOT_ID: 'not-a-guid', BOT_DOMAIN: SAMPLE.BOT_DOMAIN }, ['--out', 'out.zip']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/BOT_ID must be a GUID/);
  }, 60_000);

  it('reads .env in the current directory, the environment taking precedence', async () => {
    const cwd = mkdtempSync(path.join(tmp, 'cli-'));
    writeFileSync(path.join(cwd, '.env'), `BOT_ID=${SAMPLE.BOT_ID}\nBOT_DOMAIN=from-dotenv.example.com\nAPP_VERSION=9.9.9\n`);
    const result = run(cwd, { APP_VERSION: '1.0.7' }, ['--out', 'out.zip']);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: expect.not.stringMatching(/package-app:/) });
    const zip = await JSZip.loadAsync(readFileSync(path.join(cwd, 'out.zip')));
    const built = JSON.parse(await (zip.file('manifest.json') as JSZip.JSZipObject).async('string')) as Manifest;
    expect(built.bots[0].botId).toBe(SAMPLE.BOT_ID);
    expect(built.id).toBe(SAMPLE.BOT_ID);
    expect(built.validDomains).toEqual(['from-dotenv.example.com']);
    expect(built.version).toBe('1.0.7');
  }, 60_000);
});
