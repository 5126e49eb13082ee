/**
 * Keeps the configuration in step across the code, the Bicep templates and `.env.example`:
 * - every variable the code requires (ENV_SPEC, optional: false) is set by the Bicep app settings;
 * - every Bicep app setting that is not an Azure platform setting (WEBSITE_*, SCM_*) is in ENV_SPEC;
 * - every ENV_SPEC variable is listed in `.env.example`;
 * - every `process.env.X` / `env.X` / `env['X']` in src/ is in ENV_SPEC.
 * No Bicep compiler is available offline, so it also checks the templates' structure: module
 * parameters, the parameters file, the security settings the issue asks for.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ENV_SPEC } from '../../../src/config/env-spec';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const INFRA = path.join(ROOT, 'infra');
const MAIN_BICEP = path.join(INFRA, 'main.bicep');

/** Azure App Service's own settings: not read by the code. */
const PLATFORM_SETTING = /^(WEBSITE_|WEBSITES_|SCM_)/;

// ---------------------------------------------------------------------------------------------
// small parsers

/** Bicep text with comments removed and string contents kept (strings may contain `//`). */
function stripBicepComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end === -1 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** The same text with the contents of every string blanked, so brackets inside strings don't count. */
function blankStrings(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'/g, (s) => `'${' '.repeat(s.length - 2)}'`);
}

/** The text between the bracket at `open` and its match (exclusive). */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const blank = blankStrings(text);
  const stack: string[] = [];
  for (let i = open; i < blank.length; i++) {
    const c = blank[i];
    if (c in pairs) stack.push(pairs[c]);
    else if (c === '}' || c === ']' || c === ')') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} at offset ${i}`);
      if (stack.length === 0) return text.slice(open + 1, i);
    }
  }
  throw new Error(`no match for ${text[open]} at offset ${open}`);
}

/** The keys at the top level of an object body (the text between `{` and `}`). */
function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of blankStrings(body).split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(line);
    if (depth === 0 && match) keys.push(match[1]);
    for (const c of line) {
      if (c === '{' || c === '[' || c === '(') depth++;
      else if (c === '}' || c === ']' || c === ')') depth--;
    }
  }
  return keys;
}

interface BicepFile {
  readonly file: string;
  readonly text: string;
}

function readBicep(file: string): BicepFile {
  return { file, text: stripBicepComments(readFileSync(file, 'utf8')) };
}

function bicepFiles(): BicepFile[] {
  const modules = path.join(INFRA, 'modules');
  const files = [MAIN_BICEP];
  if (existsSync(modules)) {
    for (const name of readdirSync(modules).sort()) if (name.endsWith('.bicep')) files.push(path.join(modules, name));
  }
  return files.map(readBicep);
}

interface AppSetting {
  readonly name: string;
  readonly value: string;
}

/** Every `{ name: 'X', value: ... }` in an `appSettings` array literal (`var appSettings = [` or `appSettings: [`). */
function bicepAppSettings(text: string): AppSetting[] {
  const settings: AppSetting[] = [];
  const start = /\bappSettings\s*(?:=|:)\s*\[/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const body = balanced(text, match.index + match[0].length - 1);
    const blank = blankStrings(body);
    for (let i = blank.indexOf('{'); i !== -1;) {
      const entry = balanced(body, i);
      const name = /\bname\s*:\s*'([^']+)'/.exec(entry);
      const value = /\bvalue\s*:\s*(.+)/.exec(entry);
      if (name) settings.push({ name: name[1], value: value ? value[1].trim() : '' });
      i = blank.indexOf('{', i + entry.length + 2);
    }
  }
  return settings;
}

/** Parameters a Bicep file declares, and whether each has a default. */
function bicepParams(text: string): Map<string, { hasDefault: boolean }> {
  const params = new Map<string, { hasDefault: boolean }>();
  for (const match of text.matchAll(/^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+[A-Za-z_][\w.]*(\s*=)?/gm)) {
    params.set(match[1], { hasDefault: match[2] !== undefined });
  }
  return params;
}

/** Names of the variables `.env.example` lists, as `NAME=` or commented out `# NAME=`. */
function envExampleNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*#?\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=/.exec(line);
    if (match) names.add(match[1]);
  }
  return names;
}

/** Environment variable names a TypeScript source reads directly. */
function envReferences(source: string): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)/g,
    /\bprocess\.env\[\s*['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]\s*\]/g,
    /(?<![\w.])env\.([A-Z][A-Z0-9_]*)\b/g,
    /(?<![\w.])env\[\s*['"`]([A-Za-z_][A-Za-z0-9_]*)['"`]\s*\]/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) names.add(match[1]);
  // const { A, B: b, C = 'x' } = process.env
  for (const match of source.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g)) {
    for (const part of match[1].split(',')) {
      const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(part);
      if (name && !part.trim().startsWith('...')) names.add(name[1]);
    }
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

// ---------------------------------------------------------------------------------------------

const specNames: readonly string[] = ENV_SPEC.map((v) => v.name);
const required: readonly string[] = ENV_SPEC.filter((v) => !v.optional).map((v) => v.name);

describe('the parsers of this test', () => {
  it('find app settings, skipping comments and keeping strings that contain //', () => {
    const text = stripBicepComments(`
      var appSettings = [
        // { name: 'COMMENTED_OUT', value: 'x' }
        {
          name: 'A_B'
          value: 'https://\${host}/api' // trailing
        }
        { name: 'C', value: tenant().tenantId }
      ]`);
    expect(bicepAppSettings(text)).toEqual([
      { name: 'A_B', value: "'https://${host}/api'" },
      { name: 'C', value: 'tenant().tenantId' },
    ]);
  });

  it('read .env.example lines, commented or not', () => {
    expect([...envExampleNames('# comment\nBOT_ID=\n# PORT=3978\n  #LOG_LEVEL=info\nlower=1\n# A sentence = not a var\n')]).toEqual([
      'BOT_ID',
      'PORT',
      'LOG_LEVEL',
    ]);
  });

  it('find environment reads in source code', () => {
    const source = [
      'const a = process.env.FOO;',
      "const b = process.env['BAR_1'];",
      'const c = env.BAZ;',
      'const d = env["QUX"];',
      'const { ONE, TWO: two, THREE = "x", ...rest } = process.env;',
      'const e = this.env.notAVariable; const f = someEnv.LOOKS_LIKE;',
    ].join('\n');
    expect([...envReferences(source)].sort()).toEqual(['BAR_1', 'BAZ', 'FOO', 'ONE', 'QUX', 'THREE', 'TWO']);
  });
});

describe('configuration consistency', () => {
  const files = bicepFiles();
  const settings = files.flatMap((f) => bicepAppSettings(f.text));
  const settingNames = settings.map((s) => s.name);

  it('finds the app settings in the Bicep templates', () => {
    expect(settingNames.length).toBeGreaterThan(0);
    expect(new Set(settingNames).size).toBe(settingNames.length);
  });

  it('sets every variable the code requires in the Bicep app settings', () => {
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !settingNames.includes(name))).toEqual([]);
  });

  it('sets no app setting the code does not read, Azure platform settings aside', () => {
    const unknown = settingNames.filter((name) => !PLATFORM_SETTING.test(name) && !specNames.includes(name));
    expect(unknown).toEqual([]);
  });

  it('lists every variable in .env.example', () => {
    const file = path.join(ROOT, '.env.example');
    const listed = existsSync(file) ? envExampleNames(readFileSync(file, 'utf8')) : new Set<string>();
    const missing = specNames.filter((name) => !listed.has(name));
    expect({ file: '.env.example', exists: existsSync(file), missing }).toEqual({ file: '.env.example', exists: true, missing: [] });
  });

  it('reads in src/ only variables that ENV_SPEC lists', () => {
    const unlisted: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      for (const name of envReferences(readFileSync(file, 'utf8'))) {
        if (!specNames.includes(name)) unlisted.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('gives the bot and the storage client the managed identity, with no secret or storage key', () => {
    const value = (name: string) => settings.find((s) => s.name === name)?.value;
    expect(value('BOT_TYPE')).toBe("'UserAssignedMSI'");
    expect(value('BOT_ID')).toMatch(/^identity\.properties\.clientId$/);
    expect(value('AZURE_CLIENT_ID')).toMatch(/^identity\.properties\.clientId$/);
    expect(value('BOT_TENANT_ID')).toBe('tenant().tenantId');
    expect(value('NODE_ENV')).toBe("'production'");
    expect(value('STORAGE_ACCOUNT_URL')).toBeDefined();
    expect(settingNames).not.toContain('STORAGE_CONNECTION_STRING');
    expect(settingNames).not.toContain('BOT_PASSWORD');
    for (const { file, text } of files) {
      expect({ file, listKeys: /\blistKeys\s*\(/.test(text), accountKey: /AccountKey/i.test(text) }).toEqual({
        file,
        listKeys: false,
        accountKey: false,
      });
    }
  });
});

describe('Bicep templates (structure; no compiler offline)', () => {
  const files = bicepFiles();
  const main = files[0];
  const all = files.map((f) => f.text).join('\n');

  it('have balanced brackets', () => {
    for (const { file, text } of files) {
      const blank = blankStrings(text);
      const counts = (open: string, close: string) => blank.split(open).length - blank.split(close).length;
      expect({ file, braces: counts('{', '}'), brackets: counts('[', ']'), parens: counts('(', ')') }).toEqual({
        file,
        braces: 0,
        brackets: 0,
        parens: 0,
      });
    }
  });

  it('pass each module the parameters it declares, and every one it requires', () => {
    const modules = [...main.text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)];
    expect(modules.length).toBeGreaterThan(0);
    for (const match of modules) {
      const file = path.join(INFRA, match[2]);
      expect(existsSync(file)).toBe(true);
      const declared = bicepParams(readBicep(file).text);
      const body = balanced(main.text, (match.index ?? 0) + match[0].length - 1);
      const paramsAt = /^\s*params\s*:\s*\{/m.exec(body);
      const passed = paramsAt ? topLevelKeys(balanced(body, paramsAt.index + paramsAt[0].length - 1)) : [];
      expect({ module: match[2], unknown: passed.filter((p) => !declared.has(p)) }).toEqual({ module: match[2], unknown: [] });
      const missing = [...declared].filter(([name, p]) => !p.hasDefault && !passed.includes(name)).map(([name]) => name);
      expect({ module: match[2], missing }).toEqual({ module: match[2], missing: [] });
    }
  });

  it('declare every parameter of main.parameters.json in main.bicep', () => {
    const parameters = JSON.parse(readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const declared = bicepParams(main.text);
    expect(Object.keys(parameters.parameters).filter((name) => !declared.has(name))).toEqual([]);
    const needed = [...declared].filter(([, p]) => !p.hasDefault).map(([name]) => name);
    expect(needed.filter((name) => !(name in parameters.parameters))).toEqual([]);
  });

  it('output the web app host name, the bot id and the storage account name', () => {
    for (const output of ['webAppHostName', 'botId', 'storageAccountName']) {
      expect(main.text).toMatch(new RegExp(`^output\\s+${output}\\s+string\\s*=`, 'm'));
    }
  });

  it('create the resources the issue asks for, with their security settings', () => {
    const expectations: Array<[string, RegExp]> = [
      ['user-assigned identity', /'Microsoft\.ManagedIdentity\/userAssignedIdentities@/],
      ['StorageV2 account', /'Microsoft\.Storage\/storageAccounts@[\s\S]*kind:\s*'StorageV2'/],
      ['TLS 1.2 storage', /minimumTlsVersion:\s*'TLS1_2'/],
      ['no public blob access', /allowBlobPublicAccess:\s*false/],
      ['no shared key access', /allowSharedKeyAccess:\s*false/],
      ['table service', /'Microsoft\.Storage\/storageAccounts\/tableServices@/],
      ['Storage Table Data Contributor', /0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3/],
      ['role assignment', /'Microsoft\.Authorization\/roleAssignments@/],
      ['Linux plan', /'Microsoft\.Web\/serverfarms@[\s\S]*reserved:\s*true/],
      ['plan capacity', /capacity:\s*capacity/],
      ['Node 20', /'NODE\|20-lts'/],
      ['always on', /alwaysOn:\s*true/],
      ['HTTPS only', /httpsOnly:\s*true/],
      ['health check', /healthCheckPath:\s*'\/healthz'/],
      ['TLS 1.2 web app', /minTlsVersion:\s*'1\.2'/],
      ['FTPS disabled', /ftpsState:\s*'Disabled'/],
      ['identity on the web app', /type:\s*'UserAssigned'/],
      ['Azure Bot', /'Microsoft\.BotService\/botServices@[\s\S]*kind:\s*'azurebot'/],
      ['bot authenticates as the identity', /msaAppType:\s*'UserAssignedMSI'/],
      ['bot identity resource', /msaAppMSIResourceId:/],
      ['bot tenant', /msaAppTenantId:/],
      ['messaging endpoint', /'https:\/\/\$\{[^}]+\}\/api\/messages'/],
      ['Teams channel', /channelName:\s*'MsTeamsChannel'/],
      ['Log Analytics', /'Microsoft\.OperationalInsights\/workspaces@/],
      ['workspace-based Application Insights', /'Microsoft\.Insights\/components@[\s\S]*WorkspaceResourceId:/],
    ];
    const missing = expectations.filter(([, pattern]) => !pattern.test(all)).map(([what]) => what);
    expect(missing).toEqual([]);
  });
});
