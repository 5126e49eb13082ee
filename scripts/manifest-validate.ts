/**
 * Offline validation of a Teams app package: the manifest and its localization files against the
 * official JSON schemas shipped in `@microsoft/app-manifest`, plus the rules Teams enforces that the
 * schemas do not express (icon sizes, outline transparency, semver version, file references).
 *
 * Used by `scripts/package-app.ts` before it writes the zip and by the manifest tests on the zip it
 * wrote, so both apply the same rules. Nothing here touches the network: the shipped schemas are
 * draft-04 documents without remote `$ref`s; a remote `$ref` that ever appears is resolved from the
 * shipped folder or reported as an error, never fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';

/** Folder holding `v1.x/MicrosoftTeams.schema.json` etc. */
export const TEAMS_SCHEMA_ROOT = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

export const MANIFEST_SCHEMA_FILE = 'MicrosoftTeams.schema.json';
export const LOCALIZATION_SCHEMA_FILE = 'MicrosoftTeams.Localization.schema.json';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** A placeholder left in a filled template: `${{NAME}}`. */
export const PLACEHOLDER_PATTERN = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The schema folder for a manifest version: `1.30` → `.../teams/v1.30`, `devPreview` → `vDevPreview`. */
export function schemaDirFor(manifestVersion: unknown): string {
  if (typeof manifestVersion !== 'string' || !/^(1\.[0-9]+|devPreview)$/.test(manifestVersion)) {
    throw new Error(`manifestVersion must be a string like "1.30" (got ${JSON.stringify(manifestVersion)})`);
  }
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const dir = path.join(TEAMS_SCHEMA_ROOT, folder);
  if (!existsSync(path.join(dir, MANIFEST_SCHEMA_FILE))) {
    throw new Error(`no shipped schema for manifestVersion ${manifestVersion} (looked in ${dir})`);
  }
  return dir;
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Json;
}

/** Every `$ref` in a schema that points outside the document itself. */
function remoteRefs(node: Json, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) remoteRefs(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) found.add(value.split('#')[0]);
      else remoteRefs(value, found);
    }
  }
  return found;
}

/**
 * Makes a shipped draft-04 schema loadable by Ajv 8 (draft-07 mode). The Teams schemas use no
 * keyword whose meaning changed between the two drafts (`id`, boolean `exclusiveMinimum` /
 * `exclusiveMaximum`); if a later schema does, this refuses rather than validating wrongly.
 */
function prepareSchema(schema: Json, file: string): { [key: string]: Json } {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(`${file} is not a JSON schema`);
  const text = JSON.stringify(schema);
  if (/"exclusive(Minimum|Maximum)":\s*(true|false)/.test(text)) {
    throw new Error(`${file} uses draft-04 boolean exclusiveMinimum/exclusiveMaximum; update manifest-validate.ts`);
  }
  const { $schema: _draft, ...rest } = schema;
  void _draft;
  return rest;
}

/** Maps a Microsoft-hosted schema URL to the shipped copy, e.g. `.../teams/v1.30/X.schema.json`. */
function localCopyOf(url: string): string | undefined {
  const match = /\/json-schemas\/teams\/(v[^/]+)\/([^/]+\.json)$/.exec(url);
  if (!match) return undefined;
  const file = path.join(TEAMS_SCHEMA_ROOT, match[1], match[2]);
  return existsSync(file) ? file : undefined;
}

const validators = new Map<string, ValidateFunction>();

/** A compiled validator for a shipped schema file, cached. */
export function schemaValidator(schemaFile: string): ValidateFunction {
  const cached = validators.get(schemaFile);
  if (cached) return cached;
  const ajv = new Ajv({
    allErrors: true,
    // the Teams schemas carry annotations Ajv does not know and patterns written for non-unicode
    // regular expressions (a lone `]`)
    strict: false,
    unicodeRegExp: false,
    validateSchema: false,
  });
  addFormats(ajv);
  const schema = prepareSchema(readJson(schemaFile), schemaFile);
  const pending = [...remoteRefs(schema)];
  const added = new Set<string>();
  while (pending.length > 0) {
    const url = pending.pop() as string;
    if (added.has(url)) continue;
    const local = localCopyOf(url);
    if (!local) throw new Error(`${schemaFile} refers to ${url}, which is not shipped locally; it is never fetched`);
    const referenced = prepareSchema(readJson(local), local);
    ajv.addSchema(referenced, url);
    added.add(url);
    pending.push(...remoteRefs(referenced));
  }
  const validate = ajv.compile(schema);
  validators.set(schemaFile, validate);
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
}

/** Every `${{NAME}}` placeholder still present in a text. */
export function leftoverPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[0]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Schema errors of a manifest, plus the rules the schema leaves out. Empty when valid. */
export function validateManifest(manifest: unknown): string[] {
  if (!isObject(manifest)) return ['manifest.json is not a JSON object'];
  let dir: string;
  try {
    dir = schemaDirFor(manifest.manifestVersion);
  } catch (error) {
    return [(error as Error).message];
  }
  const validate = schemaValidator(path.join(dir, MANIFEST_SCHEMA_FILE));
  const errors = validate(manifest) ? [] : describe(validate.errors).map((e) => `manifest.json ${e}`);
  if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
    errors.push(`manifest.json /version must be MAJOR.MINOR.PATCH (got ${JSON.stringify(manifest.version)})`);
  }
  const $schema = manifest.$schema;
  if (typeof $schema === 'string' && !$schema.includes(`/${path.basename(dir)}/`)) {
    errors.push(`manifest.json $schema ${$schema} does not match manifestVersion ${String(manifest.manifestVersion)}`);
  }
  for (const placeholder of leftoverPlaceholders(JSON.stringify(manifest))) {
    errors.push(`manifest.json still contains the placeholder ${placeholder}`);
  }
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
  for (const domain of domains) {
    if (typeof domain === 'string' && /[/:]/.test(domain)) {
      errors.push(`manifest.json validDomains entry ${JSON.stringify(domain)} must be a host name without scheme, port or path`);
    }
  }
  return errors;
}

/**
 * Schema errors of a localization file, plus: its `$schema` matches the manifest's version and every
 * `bots[0].commandLists[i].commands[j].*` key names a command that exists in the manifest.
 */
export function validateLocalization(name: string, localization: unknown, manifest: Record<string, unknown>): string[] {
  if (!isObject(localization)) return [`${name} is not a JSON object`];
  let dir: string;
  try {
    dir = schemaDirFor(manifest.manifestVersion);
  } catch (error) {
    return [(error as Error).message];
  }
  const schemaFile = path.join(dir, LOCALIZATION_SCHEMA_FILE);
  if (!existsSync(schemaFile)) return [`no shipped localization schema for manifestVersion ${String(manifest.manifestVersion)}`];
  const validate = schemaValidator(schemaFile);
  const errors = validate(localization) ? [] : describe(validate.errors).map((e) => `${name} ${e}`);
  const $schema = localization.$schema;
  if (typeof $schema === 'string' && !$schema.includes(`/${path.basename(dir)}/`)) {
    errors.push(`${name} $schema ${$schema} does not match manifestVersion ${String(manifest.manifestVersion)}`);
  }
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as unknown[]) : [];
  for (const key of Object.keys(localization)) {
    const match = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(\w+)$/.exec(key);
    if (!match) continue;
    const [bot, list, command, field] = match.slice(1).map((v, i) => (i < 3 ? Number(v) : v)) as [number, number, number, string];
    const lists = isObject(bots[bot]) ? (bots[bot] as Record<string, unknown>).commandLists : undefined;
    const commands = Array.isArray(lists) && isObject(lists[list]) ? (lists[list] as Record<string, unknown>).commands : undefined;
    const target = Array.isArray(commands) ? commands[command] : undefined;
    if (!isObject(target) || !(field in target)) errors.push(`${name} key ${key} names no ${field} in the manifest`);
  }
  for (const placeholder of leftoverPlaceholders(JSON.stringify(localization))) {
    errors.push(`${name} still contains the placeholder ${placeholder}`);
  }
  return errors;
}

function decodePng(name: string, data: Buffer): PNG | string {
  try {
    return PNG.sync.read(data);
  } catch (error) {
    return `${name} is not a readable PNG: ${(error as Error).message}`;
  }
}

/** The colour icon must be a 192×192 PNG. */
export function checkColorIcon(name: string, data: Buffer): string[] {
  const png = decodePng(name, data);
  if (typeof png === 'string') return [png];
  if (png.width !== COLOR_ICON_SIZE || png.height !== COLOR_ICON_SIZE) {
    return [`${name} must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE} pixels (is ${png.width}×${png.height})`];
  }
  return [];
}

/**
 * The outline icon must be a 32×32 PNG, white on transparent: every pixel is either fully
 * transparent or white (any alpha), with at least one visible and one transparent pixel.
 */
export function checkOutlineIcon(name: string, data: Buffer): string[] {
  const png = decodePng(name, data);
  if (typeof png === 'string') return [png];
  if (png.width !== OUTLINE_ICON_SIZE || png.height !== OUTLINE_ICON_SIZE) {
    return [`${name} must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE} pixels (is ${png.width}×${png.height})`];
  }
  let visible = 0;
  let transparent = 0;
  let notWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3];
    if (alpha === 0) {
      transparent++;
      continue;
    }
    visible++;
    if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) notWhite++;
  }
  const errors: string[] = [];
  if (notWhite > 0) errors.push(`${name} has ${notWhite} visible pixels that are not white`);
  if (transparent === 0) errors.push(`${name} has no transparent pixel: the background must be transparent`);
  if (visible === 0) errors.push(`${name} is fully transparent`);
  return errors;
}

/**
 * Validates a whole package, given its files by name (as in the zip): manifest.json, the icons and
 * localization files it names. Returns every problem found; empty when the package is valid.
 */
export function validateAppPackage(files: ReadonlyMap<string, Buffer>): string[] {
  const manifestData = files.get('manifest.json');
  if (!manifestData) return ['the package has no manifest.json'];
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestData.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return [`manifest.json is not valid JSON: ${(error as Error).message}`];
  }
  if (!isObject(manifest)) return ['manifest.json is not a JSON object'];
  const errors = validateManifest(manifest);
  const referenced = new Set<string>(['manifest.json']);

  const icons = isObject(manifest.icons) ? manifest.icons : {};
  const iconChecks: Array<[string, (name: string, data: Buffer) => string[]]> = [
    ['color', checkColorIcon],
    ['outline', checkOutlineIcon],
  ];
  for (const [kind, check] of iconChecks) {
    const file = icons[kind];
    if (typeof file !== 'string') continue; // the schema reports it
    referenced.add(file);
    const data = files.get(file);
    if (!data) errors.push(`the ${kind} icon ${file} is not in the package`);
    else errors.push(...check(file, data));
  }

  const localizationInfo = isObject(manifest.localizationInfo) ? manifest.localizationInfo : undefined;
  const languageFiles: string[] = [];
  if (localizationInfo) {
    if (typeof localizationInfo.defaultLanguageFile === 'string') languageFiles.push(localizationInfo.defaultLanguageFile);
    const additional = Array.isArray(localizationInfo.additionalLanguages) ? localizationInfo.additionalLanguages : [];
    const tags = new Set<string>();
    for (const language of additional) {
      if (!isObject(language) || typeof language.file !== 'string') continue; // the schema reports it
      const tag = String(language.languageTag).toLowerCase();
      if (tags.has(tag)) errors.push(`localizationInfo lists the language ${tag} twice`);
      if (tag === String(localizationInfo.defaultLanguageTag).toLowerCase()) {
        errors.push(`localizationInfo lists the default language ${tag} as an additional language`);
      }
      tags.add(tag);
      languageFiles.push(language.file);
    }
  }
  for (const file of languageFiles) {
    referenced.add(file);
    const data = files.get(file);
    if (!data) {
      errors.push(`the localization file ${file} is not in the package`);
      continue;
    }
    let localization: unknown;
    try {
      localization = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      errors.push(`${file} is not valid JSON: ${(error as Error).message}`);
      continue;
    }
    errors.push(...validateLocalization(file, localization, manifest));
  }

  for (const name of files.keys()) {
    if (name.includes('/') || name.includes('\\')) errors.push(`${name}: Teams expects every file at the root of the package`);
    else if (!referenced.has(name)) errors.push(`${name} is in the package but the manifest does not refer to it`);
  }
  return errors;
}
