/**
 * The Microsoft 365 Agents Toolkit project files (m365agents*.yml, env/, .vscode/) against what they
 * drive: every Bicep parameter and output they use exists in infra/main.bicep, every `${{NAME}}` has
 * a value by the time an action needs it, and F5 starts `npm run dev`. No Bicep compiler and no
 * toolkit run here: the Bicep is read by bicep-declarations.ts, the YAML with the `yaml` package.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config/load-config';
import { PACKAGE_VARIABLES, parseDotEnv, readPackageValues, toolkitEnvCommands } from '../../../scripts/package-app';
import { BicepDeclarations, readBicepDeclarations } from './bicep-declarations';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

const SAMPLE_GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SAMPLE_HOST = 'app-support-intake-dev-abc123.azurewebsites.net';

// ---------------------------------------------------------------------------------------------
// what the toolkit does with each action

interface Action {
  readonly uses: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}

interface ProjectFile {
  readonly version: string;
  readonly environmentFolderPath?: string;
  readonly provision?: Action[];
  readonly deploy?: Action[];
  readonly publish?: Action[];
}

/** The actions these files may use (a typo would otherwise only show in the toolkit). */
const KNOWN_ACTIONS = new Set([
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'aadApp/create',
  'botFramework/create',
  'arm/deploy',
  'script',
  'cli/runNpmCommand',
  'file/createOrUpdateEnvironmentFile',
  'azureAppService/zipDeploy',
]);

/** Set by the toolkit itself: the environment's name, the suffix, the sign-in's tenant; empty Azure ids make it ask. */
const BUILT_IN = ['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMS_APP_TENANT_ID'];

/** Left empty in the committed env file on purpose: the operator fills them in before provisioning. */
const OPERATOR_INPUTS: Record<string, readonly string[]> = { dev: ['ADMIN_IDS', 'OPERATOR_PRINCIPAL_ID'], local: [], playground: [] };

/** The package script's `--toolkit-env` step: what it needs and what it writes. */
const isManifestValuesStep = (action: Action): boolean =>
  action.uses === 'script' && /scripts\/package-app\.ts --toolkit-env\b/.test(String(action.with?.run ?? ''));
const MANIFEST_VALUES_NEED = ['BOT_ID', 'BOT_DOMAIN'];
const MANIFEST_VALUES_WRITE = toolkitEnvCommands({ BOT_ID: SAMPLE_GUID, BOT_DOMAIN: SAMPLE_HOST }).map((line) => line.split(/[ =]/)[1]);

function bicepOf(templatePath: string): BicepDeclarations {
  return readBicepDeclarations(read(templatePath));
}

/** Names an action writes to the environment file. */
function producedBy(action: Action, bicep: (file: string) => BicepDeclarations): string[] {
  const names = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy') {
    for (const template of (action.with?.templates ?? []) as Array<{ path: string }>) {
      // the toolkit writes each output under its name in capitals
      for (const output of bicep(template.path).outputs.keys()) names.push(output.toUpperCase());
    }
  }
  if (isManifestValuesStep(action)) names.push(...MANIFEST_VALUES_WRITE);
  return names;
}

/** Names an action needs a value for: in its arguments and in the files it fills. */
function neededBy(action: Action): Array<{ name: string; where: string }> {
  const needs = placeholders(JSON.stringify(action.with ?? {})).map((name) => ({ name, where: 'its arguments' }));
  const manifestPath = action.with?.manifestPath;
  if (typeof manifestPath === 'string') needs.push(...placeholders(read(manifestPath)).map((name) => ({ name, where: manifestPath })));
  if (action.uses === 'arm/deploy') {
    for (const template of (action.with?.templates ?? []) as Array<{ parameters?: string }>) {
      const file = template.parameters;
      if (file !== undefined) needs.push(...placeholders(read(file)).map((name) => ({ name, where: file })));
    }
  }
  if (isManifestValuesStep(action)) needs.push(...MANIFEST_VALUES_NEED.map((name) => ({ name, where: 'the package script' })));
  return needs;
}

function envFile(env: string): Record<string, string> {
  return parseDotEnv(read(`env/.env.${env}`));
}

/**
 * Walks provision, deploy and publish in order (what provision writes stays in the environment
 * file for the later stages) and lists every placeholder that has no value when its action runs.
 */
function unresolved(
  file: ProjectFile,
  env: string,
  options: { extra?: readonly string[]; bicep?: (templatePath: string) => BicepDeclarations } = {},
): string[] {
  const values = envFile(env);
  const available = new Set<string>([
    ...BUILT_IN,
    ...Object.keys(values).filter((name) => values[name] !== ''),
    ...OPERATOR_INPUTS[env],
    ...(options.extra ?? []),
  ]);
  const problems: string[] = [];
  for (const stage of ['provision', 'deploy', 'publish'] as const) {
    for (const action of file[stage] ?? []) {
      for (const { name, where } of neededBy(action)) {
        if (!available.has(name)) problems.push(`${stage} ${action.uses}${action.name ? ` (${action.name})` : ''}: ${name} in ${where}`);
      }
      for (const name of producedBy(action, options.bicep ?? bicepOf)) available.add(name);
    }
  }
  return problems;
}

const project = (file: string): ProjectFile => parse(read(file)) as ProjectFile;
const actions = (file: ProjectFile): Action[] => [...(file.provision ?? []), ...(file.deploy ?? []), ...(file.publish ?? [])];

interface Task {
  readonly label: string;
  readonly type?: string;
  readonly command?: string;
  readonly dependsOn?: string[];
  readonly args?: {
    env?: string;
    ports?: Array<{ portNumber: number; writeToEnvironmentFile?: Record<string, string> }>;
    portOccupancy?: number[];
  };
}
const tasks = (): Task[] => (JSON.parse(read('.vscode/tasks.json')) as { tasks: Task[] }).tasks;

/** What the dev tunnel task writes into env/.env.local (BOT_ENDPOINT, BOT_DOMAIN). */
function tunnelOutputs(): string[] {
  const tunnel = tasks().find((t) => t.command === 'debug-start-local-tunnel');
  return (tunnel?.args?.ports ?? []).flatMap((p) => Object.values(p.writeToEnvironmentFile ?? {}));
}

// ---------------------------------------------------------------------------------------------

describe('the Bicep line reader', () => {
  it('reads params with and without defaults, outputs of every type, and skips comments and strings', () => {
    const text = [
      "@description('Name: // not a comment')",
      "param baseName string = 'x' // a comment",
      'param count int',
      '@secure()',
      'param secret string',
      '// param commented string',
      '/* param blockCommented string',
      'output alsoCommented string = 1 */',
      "var doc = '''",
      'param inText string',
      "'''",
      'output id string = site.id',
      "output site resource 'Microsoft.Web/sites@2023-12-01' = site",
      'output names string[] = []',
      '  param indented string',
      'param tags object = {}',
    ].join('\n');
    const { params, outputs } = readBicepDeclarations(text);
    expect(Object.fromEntries(params)).toEqual({
      baseName: { type: 'string', hasDefault: true },
      count: { type: 'int', hasDefault: false },
      secret: { type: 'string', hasDefault: false },
      tags: { type: 'object', hasDefault: true },
    });
    expect([...outputs.keys()]).toEqual(['id', 'site', 'names']);
  });

  it('finds the parameters and outputs of infra/main.bicep', () => {
    const main = bicepOf('infra/main.bicep');
    expect(main.params.get('baseName')).toEqual({ type: 'string', hasDefault: true });
    expect([...main.outputs.keys()]).toEqual(
      expect.arrayContaining(['webAppHostName', 'botId', 'AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN']),
    );
  });
});

describe('Agents Toolkit project files', () => {
  const files = ['m365agents.yml', 'm365agents.local.yml', 'm365agents.playground.yml'];

  it.each(files)('%s uses the yaml schema version of the current templates, the env/ folder and known actions', (name) => {
    const file = project(name);
    expect(file.version).toBe('v1.11');
    expect(read(name)).toContain('$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    expect(file.environmentFolderPath).toBe('./env');
    expect(
      actions(file)
        .map((a) => a.uses)
        .filter((uses) => !KNOWN_ACTIONS.has(uses)),
    ).toEqual([]);
  });

  it('has the env files of the three environments, with no secret in them, and keeps the .user files out of git', () => {
    for (const env of ['dev', 'local', 'playground']) {
      const values = envFile(env);
      expect(values.TEAMSFX_ENV).toBe(env);
      expect(Object.keys(values).filter((name) => /SECRET|PASSWORD/.test(name) && values[name] !== '')).toEqual([]);
    }
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['env/.env.*.user', '.localConfigs', '.deploy/']));
  });

  it('provisions the dev environment in the order the issue asks for', () => {
    const uses = (project('m365agents.yml').provision ?? []).map((a) => a.uses);
    const order = ['arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update'];
    expect(order.map((a) => uses.indexOf(a))).toEqual([...order.map((a) => uses.indexOf(a))].sort((x, y) => x - y));
    expect(order.every((a) => uses.includes(a))).toBe(true);
    const deploy = (project('m365agents.yml').deploy ?? []).map((a) => a.uses);
    expect(deploy[deploy.length - 1]).toBe('azureAppService/zipDeploy');
    expect((project('m365agents.yml').deploy ?? []).some((a) => a.uses === 'cli/runNpmCommand' && a.with?.args === 'run build')).toBe(true);
  });

  it("points at the owner's manifest template and writes the packages under manifest/build", () => {
    for (const name of ['m365agents.yml', 'm365agents.local.yml']) {
      for (const action of actions(project(name))) {
        if (action.with?.manifestPath !== undefined) expect(action.with.manifestPath).toBe('./manifest/manifest.template.json');
        for (const key of ['outputZipPath', 'appPackagePath', 'outputFolder']) {
          if (action.with?.[key] !== undefined) expect(String(action.with[key])).toMatch(/^\.\/manifest\/build\b/);
        }
      }
    }
    expect(existsSync(path.join(ROOT, 'manifest', 'manifest.template.json'))).toBe(true);
  });

  describe('arm/deploy over infra/', () => {
    const deploys = (project('m365agents.yml').provision ?? []).filter((a) => a.uses === 'arm/deploy');
    const templates = deploys.flatMap(
      (a) => (a.with?.templates ?? []) as Array<{ path: string; parameters: string; deploymentName: string }>,
    );

    it('deploys infra/main.bicep with a parameters file', () => {
      expect(templates.map((t) => t.path)).toEqual(['./infra/main.bicep']);
      for (const t of templates) {
        expect(existsSync(path.join(ROOT, t.path))).toBe(true);
        expect(existsSync(path.join(ROOT, t.parameters))).toBe(true);
        expect(t.deploymentName).toMatch(/^[A-Za-z0-9-]+$/);
      }
    });

    it('passes only parameters main.bicep declares, and every one it requires', () => {
      for (const t of templates) {
        const declared = bicepOf(t.path).params;
        const given = Object.keys((JSON.parse(read(t.parameters)) as { parameters: Record<string, unknown> }).parameters);
        expect({ file: t.parameters, unknown: given.filter((p) => !declared.has(p)) }).toEqual({ file: t.parameters, unknown: [] });
        const required = [...declared].filter(([, p]) => !p.hasDefault).map(([name]) => name);
        expect({ file: t.parameters, missing: required.filter((p) => !given.includes(p)) }).toEqual({ file: t.parameters, missing: [] });
      }
    });

    it('declares every output the toolkit files read: resource id, bot id, bot domain', () => {
      const outputs = bicepOf('infra/main.bicep').outputs;
      for (const name of ['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN']) expect(outputs.get(name)).toEqual({ type: 'string' });
      // the toolkit writes outputs in capitals: two outputs differing only in case would collide
      const upper = [...outputs.keys()].map((o) => o.toUpperCase());
      expect(new Set(upper).size).toBe(upper.length);
    });

    it("names the operator's inputs in env/.env.dev, where provision reads them", () => {
      const declared = Object.keys(envFile('dev'));
      expect(OPERATOR_INPUTS.dev.filter((name) => !declared.includes(name))).toEqual([]);
    });
  });

  describe('every placeholder has a value when its action runs', () => {
    it('in the dev environment (outputs of infra/main.bicep, the package script, the Teams app id)', () => {
      expect(unresolved(project('m365agents.yml'), 'dev')).toEqual([]);
    });

    it('in the local environment (the app registration and the dev tunnel)', () => {
      expect(tunnelOutputs()).toEqual(expect.arrayContaining(['BOT_ENDPOINT', 'BOT_DOMAIN']));
      expect(unresolved(project('m365agents.local.yml'), 'local', { extra: tunnelOutputs() })).toEqual([]);
    });

    it('in the playground environment', () => {
      expect(unresolved(project('m365agents.playground.yml'), 'playground')).toEqual([]);
    });

    it('and the check notices a Bicep output that is gone', () => {
      const withoutDomain = (file: string): BicepDeclarations => {
        const real = bicepOf(file);
        return { params: real.params, outputs: new Map([...real.outputs].filter(([name]) => name !== 'BOT_DOMAIN')) };
      };
      const problems = unresolved(project('m365agents.yml'), 'dev', { bicep: withoutDomain });
      expect(problems).toEqual(
        expect.arrayContaining([
          'provision script (manifest values): BOT_DOMAIN in the package script',
          'provision teamsApp/zipAppPackage: BOT_DOMAIN in ./manifest/manifest.template.json',
        ]),
      );
      expect(problems.every((p) => p.includes('BOT_DOMAIN'))).toBe(true);
    });
  });

  describe("the package script's --toolkit-env step", () => {
    const env = { BOT_ID: SAMPLE_GUID, BOT_DOMAIN: SAMPLE_HOST };

    it('gives every unset manifest value the default of npm run package, quoted where the toolkit needs it', () => {
      const values = readPackageValues(env);
      expect(toolkitEnvCommands(env)).toEqual([
        `::set-teamsfx-env APP_ID=${SAMPLE_GUID}`,
        `::set-teamsfx-env APP_VERSION=${values.APP_VERSION}`,
        '::set-teamsfx-env PUBLISHER_NAME="IT Support"',
        `::set-teamsfx-env PUBLISHER_WEBSITE_URL=https://${SAMPLE_HOST}/`,
        `::set-teamsfx-env PRIVACY_URL=https://${SAMPLE_HOST}/privacy`,
        `::set-teamsfx-env TERMS_OF_USE_URL=https://${SAMPLE_HOST}/terms`,
      ]);
      // with the two Bicep outputs, every placeholder of the manifest template has a value
      expect([...MANIFEST_VALUES_NEED, ...MANIFEST_VALUES_WRITE].sort()).toEqual([...PACKAGE_VARIABLES].sort());
    });

    it('leaves alone what the environment file sets, and treats empty values as unset', () => {
      const lines = toolkitEnvCommands({
        ...env,
        APP_ID: SAMPLE_GUID,
        APP_VERSION: '1.2.3',
        PUBLISHER_NAME: "O'Brien & Co",
        PRIVACY_URL: '',
      });
      expect(lines.map((l) => l.split(/[ =]/)[1])).toEqual(['PUBLISHER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL']);
    });

    it("fails with the package script's messages when the Bicep outputs are missing", () => {
      expect(() => toolkitEnvCommands({})).toThrow(/BOT_ID is not set[\s\S]*BOT_DOMAIN is not set/);
      expect(() => toolkitEnvCommands({ ...env, APP_VERSION: 'one' })).toThrow(/APP_VERSION must be MAJOR\.MINOR\.PATCH/);
    });
  });
});

describe('F5: the local run in the Agents Playground', () => {
  interface LaunchConfig {
    readonly name: string;
    readonly type: string;
    readonly request: string;
    readonly runtimeExecutable?: string;
    readonly runtimeArgs?: string[];
    readonly preLaunchTask?: string;
    readonly presentation?: { group?: string; order?: number; hidden?: boolean };
  }
  const launch = JSON.parse(read('.vscode/launch.json')) as {
    configurations: LaunchConfig[];
    compounds: Array<{ name: string; configurations: string[]; preLaunchTask?: string; presentation?: { group?: string } }>;
  };
  const labels = new Set(tasks().map((t) => t.label));

  it('is the first entry of the debug menu and runs `npm run dev`', () => {
    const visible = [...launch.configurations, ...launch.compounds].filter(
      (c) => !(c.presentation as { hidden?: boolean } | undefined)?.hidden,
    );
    const first = [...visible].sort((a, b) => (a.presentation?.group ?? '~').localeCompare(b.presentation?.group ?? '~'))[0];
    expect(first.name).toBe('Debug in Microsoft 365 Agents Playground');
    const config = launch.configurations.find((c) => c.name === first.name) as LaunchConfig;
    expect(config).toMatchObject({ type: 'node', request: 'launch', runtimeExecutable: 'npm', runtimeArgs: ['run', 'dev'] });
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dev).toBeDefined();
  });

  it('prepares it with the playground environment: prerequisites and its deploy', () => {
    const config = launch.configurations.find((c) => c.name === 'Debug in Microsoft 365 Agents Playground') as LaunchConfig;
    const prepare = tasks().find((t) => t.label === config.preLaunchTask) as Task;
    const steps = (prepare.dependsOn ?? []).map((label) => tasks().find((t) => t.label === label) as Task);
    expect(steps.map((t) => t.command)).toEqual(['debug-check-prerequisites', 'deploy']);
    expect(steps[1].args?.env).toBe('playground');
    // the ports npm run dev uses by default
    expect(steps[0].args?.portOccupancy).toEqual(expect.arrayContaining([3978, 10002, 56150]));
  });

  it('refers only to tasks and configurations that exist, and to environments that have their files', () => {
    const referenced = [
      ...launch.configurations.map((c) => c.preLaunchTask),
      ...launch.compounds.map((c) => c.preLaunchTask),
      ...tasks().flatMap((t) => t.dependsOn ?? []),
    ].filter((label): label is string => label !== undefined);
    expect(referenced.filter((label) => !labels.has(label))).toEqual([]);
    const names = new Set(launch.configurations.map((c) => c.name));
    expect(launch.compounds.flatMap((c) => c.configurations).filter((name) => !names.has(name))).toEqual([]);
    for (const task of tasks().filter((t) => t.type === 'teamsfx' && t.args?.env !== undefined)) {
      const env = task.args?.env as string;
      expect(existsSync(path.join(ROOT, 'env', `.env.${env}`))).toBe(true);
      expect(existsSync(path.join(ROOT, env === 'dev' ? 'm365agents.yml' : `m365agents.${env}.yml`))).toBe(true);
    }
  });

  it('runs the bot for "Debug in Teams" with the settings the local deploy writes, under the toolkit names', () => {
    const write = (project('m365agents.local.yml').deploy ?? []).find((a) => a.uses === 'file/createOrUpdateEnvironmentFile') as Action;
    const target = String(write.with?.target);
    const start = tasks().find((t) => t.label === 'Start the bot (Teams)') as Task & { command: string };
    expect(start.command).toContain(`--env-file=${target.replace(/^\.\//, '')}`);
    // the settings as the toolkit writes them, with sample values for its placeholders
    const sample: Record<string, string> = {
      BOT_ID: SAMPLE_GUID,
      SECRET_BOT_PASSWORD: 'sample-secret',
      TEAMS_APP_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    };
    const envs = Object.fromEntries(
      Object.entries(write.with?.envs as Record<string, unknown>).map(([k, v]) => [
        k,
        String(v).replace(PLACEHOLDER, (_m, name: string) => sample[name]),
      ]),
    );
    expect(Object.keys(envs)).toEqual(expect.arrayContaining(['CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID']));
    const config = loadConfig(envs);
    expect(config.bot).toEqual({
      mode: 'authenticated',
      appId: SAMPLE_GUID,
      appType: 'SingleTenant',
      tenantId: '22222222-2222-4222-8222-222222222222',
      password: 'sample-secret',
    });
    expect(config.bindAddress).toBe('127.0.0.1');
  });
});
