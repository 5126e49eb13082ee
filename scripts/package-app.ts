/**
 * `npm run package`: builds the Teams app package `manifest/build/appPackage.zip`.
 *
 * Fills `manifest/manifest.template.json` from the environment (and from `.env` in the current
 * directory, for variables the environment does not set), validates the result offline against the
 * official schema shipped in `@microsoft/app-manifest`, checks the icons and writes a zip with
 * manifest.json, color.png, outline.png and the localization files at its root.
 *
 * Variables:
 *   BOT_ID                 required  the bot's Microsoft App ID (a GUID): the managed identity's client id
 *   BOT_DOMAIN             required  host name of the web app, without scheme, e.g. app-x.azurewebsites.net
 *   APP_ID                 optional  Teams app id (a GUID), default BOT_ID
 *   APP_VERSION            optional  app version MAJOR.MINOR.PATCH, default the version in package.json;
 *                                    raise it for every upload that replaces an earlier package
 *   PUBLISHER_NAME         optional  developer name shown in Teams (≤ 32 characters), default "IT Support"
 *   PUBLISHER_WEBSITE_URL  optional  https URL, default https://BOT_DOMAIN/
 *   PRIVACY_URL            optional  https URL, default https://BOT_DOMAIN/privacy
 *   TERMS_OF_USE_URL       optional  https URL, default https://BOT_DOMAIN/terms
 *
 * Options: `--out FILE` writes the zip elsewhere.
 *
 * `--toolkit-env` builds nothing: it is a step of the Agents Toolkit's provision (m365agents.yml),
 * which fills the same template itself. It checks the variables as a build would and prints
 * `::set-teamsfx-env NAME=value` for each one the environment leaves unset, so the toolkit's package
 * gets the same defaults as this script's.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PLACEHOLDER_PATTERN, validateAppPackage } from './manifest-validate';

export const ROOT_DIR = path.resolve(__dirname, '..');
export const MANIFEST_DIR = path.join(ROOT_DIR, 'manifest');
export const TEMPLATE_FILE = 'manifest.template.json';
export const DEFAULT_OUT_FILE = path.join(MANIFEST_DIR, 'build', 'appPackage.zip');

/** The variables this script reads. */
export const PACKAGE_VARIABLES = [
  'BOT_ID',
  'BOT_DOMAIN',
  'APP_ID',
  'APP_VERSION',
  'PUBLISHER_NAME',
  'PUBLISHER_WEBSITE_URL',
  'PRIVACY_URL',
  'TERMS_OF_USE_URL',
] as const;
export type PackageVariable = (typeof PACKAGE_VARIABLES)[number];
export type PackageValues = Record<PackageVariable, string>;

/** A problem with the configuration: the message says which variable and what is expected. */
export class PackageConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'PackageConfigError';
  }
}

/** The package failed validation; nothing was written. */
export class PackageValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the app package is not valid:\n  ${problems.join('\n  ')}`);
    this.name = 'PackageValidationError';
  }
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A DNS host name with at least two labels and no scheme, port or path. */
export function isHostName(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  return labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label)) && !/^[0-9]+$/.test(labels[labels.length - 1]);
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Parses a `.env` file simply: `NAME=value` lines, an optional `export ` prefix, `#` comments,
 * values optionally in single or double quotes (no escapes or interpolation).
 */
export function parseDotEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '').trim();
    values[match[1]] = value;
  }
  return values;
}

function packageJsonVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '1.0.0';
}

/**
 * Reads and checks the variables. Throws a PackageConfigError listing every problem, each naming
 * its variable.
 */
export function readPackageValues(env: Readonly<Record<string, string | undefined>>): PackageValues {
  const get = (name: PackageVariable): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const problems: string[] = [];

  const botId = get('BOT_ID');
  if (botId === undefined) {
    problems.push(
      'BOT_ID is not set: set it to the bot\'s Microsoft App ID, a GUID (the "botId" output of the Bicep deployment), in the environment or in .env',
    );
  } else if (!GUID.test(botId)) {
    problems.push(`BOT_ID must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${botId}")`);
  }

  const botDomain = get('BOT_DOMAIN');
  if (botDomain === undefined) {
    problems.push(
      'BOT_DOMAIN is not set: set it to the host name of the bot\'s web app without https://, e.g. app-support-intake-abc123.azurewebsites.net (the "webAppHostName" output of the Bicep deployment)',
    );
  } else if (!isHostName(botDomain)) {
    problems.push(`BOT_DOMAIN must be a host name without scheme, port or path, e.g. bot.example.com (got "${botDomain}")`);
  }

  const appId = get('APP_ID') ?? botId;
  if (get('APP_ID') !== undefined && !GUID.test(get('APP_ID') as string)) {
    problems.push(`APP_ID must be a GUID when it is set (got "${get('APP_ID')}"); leave it unset to use BOT_ID`);
  }

  const appVersion = get('APP_VERSION') ?? packageJsonVersion();
  if (!SEMVER.test(appVersion)) {
    problems.push(`APP_VERSION must be MAJOR.MINOR.PATCH, e.g. 1.0.3 (got "${appVersion}")`);
  }

  const publisherName = get('PUBLISHER_NAME') ?? 'IT Support';
  if (publisherName.length > 32) {
    problems.push(`PUBLISHER_NAME must be at most 32 characters (got ${publisherName.length})`);
  }

  const base = botDomain !== undefined ? `https://${botDomain}` : 'https://invalid.example';
  const urls: Array<[PackageVariable, string]> = [
    ['PUBLISHER_WEBSITE_URL', get('PUBLISHER_WEBSITE_URL') ?? `${base}/`],
    ['PRIVACY_URL', get('PRIVACY_URL') ?? `${base}/privacy`],
    ['TERMS_OF_USE_URL', get('TERMS_OF_USE_URL') ?? `${base}/terms`],
  ];
  for (const [name, value] of urls) {
    if (get(name) !== undefined && !isHttpsUrl(value)) problems.push(`${name} must be an https:// URL (got "${value}")`);
  }

  if (problems.length > 0) throw new PackageConfigError(problems);
  return {
    BOT_ID: botId as string,
    BOT_DOMAIN: (botDomain as string).toLowerCase(),
    APP_ID: appId as string,
    APP_VERSION: appVersion,
    PUBLISHER_NAME: publisherName,
    PUBLISHER_WEBSITE_URL: urls[0][1],
    PRIVACY_URL: urls[1][1],
    TERMS_OF_USE_URL: urls[2][1],
  };
}

/**
 * Replaces every `${{NAME}}` in the template text with its value, escaped for a JSON string.
 * Throws when the template names a placeholder that has no value.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const unknown = new Set<string>();
  const filled = template.replace(PLACEHOLDER_PATTERN, (whole: string, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new Error(`${TEMPLATE_FILE} uses placeholders that have no value: ${[...unknown].join(', ')}`);
  }
  return filled;
}

/** The files of the package, by their name in the zip. */
export function collectPackageFiles(manifestDir: string, values: PackageValues): Map<string, Buffer> {
  const template = readFileSync(path.join(manifestDir, TEMPLATE_FILE), 'utf8');
  const manifestText = fillTemplate(template, values);
  const manifest = JSON.parse(manifestText) as {
    icons?: Record<string, unknown>;
    localizationInfo?: { defaultLanguageFile?: unknown; additionalLanguages?: Array<{ file?: unknown }> };
  };
  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')]]);
  const names = new Set<string>();
  for (const icon of Object.values(manifest.icons ?? {})) if (typeof icon === 'string') names.add(icon);
  const localization = manifest.localizationInfo;
  if (typeof localization?.defaultLanguageFile === 'string') names.add(localization.defaultLanguageFile);
  for (const language of localization?.additionalLanguages ?? []) if (typeof language.file === 'string') names.add(language.file);
  for (const name of names) {
    const file = path.join(manifestDir, name);
    // a missing file is reported by the validation, with the others
    if (path.basename(name) === name && existsSync(file)) files.set(name, readFileSync(file));
  }
  return files;
}

export interface BuildOptions {
  /** The variables, e.g. process.env merged over .env. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder with the template, icons and localization files; default `manifest/`. */
  readonly manifestDir?: string;
  /** Where to write the zip; default `manifest/build/appPackage.zip`. */
  readonly outFile?: string;
}

export interface BuildResult {
  readonly outFile: string;
  readonly values: PackageValues;
  readonly files: readonly string[];
}

/** Builds, validates and writes the package. Throws PackageConfigError or PackageValidationError. */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const values = readPackageValues(options.env);
  const files = collectPackageFiles(options.manifestDir ?? MANIFEST_DIR, values);
  const problems = validateAppPackage(files);
  if (problems.length > 0) throw new PackageValidationError(problems);

  const zip = new JSZip();
  // a fixed date makes the zip depend only on its contents
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [name, data] of files) zip.file(name, data, { date, createFolders: false });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

  const outFile = path.resolve(options.outFile ?? DEFAULT_OUT_FILE);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, buffer);
  return { outFile, values, files: [...files.keys()] };
}

/** How the toolkit's `script` action takes an output: `::set-teamsfx-env NAME=value`, quoted if needed. */
function setTeamsfxEnv(name: string, value: string): string {
  if (/^[^"'\s]+$/.test(value)) return `::set-teamsfx-env ${name}=${value}`;
  if (!/["\r\n]/.test(value)) return `::set-teamsfx-env ${name}="${value}"`;
  if (!/['\r\n]/.test(value)) return `::set-teamsfx-env ${name}='${value}'`;
  throw new PackageConfigError([`${name} holds both kinds of quotes or a line break, which the Agents Toolkit cannot take`]);
}

/**
 * The toolkit's outputs for every package variable the environment leaves unset, after checking all
 * of them as a build would (throws PackageConfigError).
 */
export function toolkitEnvCommands(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = readPackageValues(env);
  return PACKAGE_VARIABLES.filter((name) => (env[name]?.trim() ?? '') === '').map((name) => setTeamsfxEnv(name, values[name]));
}

/** Command line entry: returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  let outFile: string | undefined;
  if (argv.length === 1 && argv[0] === '--toolkit-env') {
    // the toolkit has loaded env/.env.<environment> into the environment: .env is not read here
    try {
      for (const line of toolkitEnvCommands(env)) console.log(line);
      return 0;
    } catch (error) {
      if (!(error instanceof PackageConfigError)) throw error;
      for (const problem of error.problems) console.error(`package-app: ${problem}`);
      return 1;
    }
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1] !== undefined) outFile = path.resolve(cwd, argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(
        'usage: npm run package [-- --out FILE]\n       npx tsx scripts/package-app.ts --toolkit-env\n' +
          'reads BOT_ID, BOT_DOMAIN, APP_ID, APP_VERSION, ... (see scripts/package-app.ts)',
      );
      return 0;
    } else {
      console.error(`package-app: unknown argument ${argv[i]}`);
      return 2;
    }
  }
  const dotEnvFile = path.join(cwd, '.env');
  const fromFile = existsSync(dotEnvFile) ? parseDotEnv(readFileSync(dotEnvFile, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[name] = value;
  try {
    const result = await buildAppPackage({ env: merged, outFile });
    console.log(
      `package-app: wrote ${path.relative(cwd, result.outFile) || result.outFile} (app ${result.values.APP_ID}, bot ${result.values.BOT_ID}, ` +
        `domain ${result.values.BOT_DOMAIN}, version ${result.values.APP_VERSION}; ${result.files.join(', ')})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackageConfigError) {
      for (const problem of error.problems) console.error(`package-app: ${problem}`);
    } else {
      console.error(`package-app: ${(error as Error).message}`);
    }
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.env, process.cwd()).then((code) => {
    process.exitCode = code;
  });
}
