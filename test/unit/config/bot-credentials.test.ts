/**
 * The bot's credentials under the project's names (BOT_ID, BOT_PASSWORD, BOT_TENANT_ID) and the
 * names the Agents Toolkit and the Teams SDK use (CLIENT_ID, CLIENT_SECRET, TENANT_ID).
 */
import { configProblems } from '../../support/config-problems';
import { Environment, loadConfig } from '../../../src/config/load-config';

const APP = '11111111-1111-4111-8111-111111111111';
const TENANT = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const SECRET = 'not-a-real-secret~1';
const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

const storage: Environment = { STORAGE_CONNECTION_STRING: AZURITE };
const problems = configProblems;

type Names = readonly [appId: string, password: string, tenantId: string];
const PROJECT: Names = ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID'];
const TOOLKIT: Names = ['CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID'];

/** Every way of naming the three settings: each one under the project's or the toolkit's name. */
const COMBINATIONS: Names[] = [0, 1, 2, 3, 4, 5, 6, 7].map(
  (bits) => [0, 1, 2].map((i) => ((bits >> i) & 1 ? TOOLKIT[i] : PROJECT[i])) as unknown as Names,
);

function singleTenant([appId, password, tenantId]: Names): Environment {
  return { ...storage, BOT_TYPE: 'SingleTenant', [appId]: APP, [password]: SECRET, [tenantId]: TENANT };
}

describe('bot credentials under either name', () => {
  it('covers the eight combinations', () => {
    expect(new Set(COMBINATIONS.map((c) => c.join())).size).toBe(8);
  });

  it.each(COMBINATIONS.map((names) => [names.join(' + '), names] as const))('reads %s', (_label, names) => {
    const config = loadConfig(singleTenant(names));
    expect(config.bot).toEqual({ mode: 'authenticated', appId: APP, appType: 'SingleTenant', tenantId: TENANT, password: SECRET });
    // the tenant allow-list defaults to the registration's tenant, whichever name it came under
    expect(config.tenants).toEqual({ kind: 'list', tenantIds: new Set([TENANT]) });
    expect(config.bindAddress).toBe('0.0.0.0');
  });

  it('reads a managed identity under the toolkit names, and the toolkit spelling of its BOT_TYPE', () => {
    const config = loadConfig({ ...storage, NODE_ENV: 'production', CLIENT_ID: APP, TENANT_ID: TENANT, BOT_TYPE: 'UserAssignedMsi' });
    expect(config.bot).toEqual({ mode: 'authenticated', appId: APP, appType: 'UserAssignedMSI', tenantId: TENANT, password: undefined });
    expect(loadConfig({ ...singleTenant(TOOLKIT), BOT_TYPE: 'singletenant' }).bot).toMatchObject({ appType: 'SingleTenant' });
  });

  it('accepts both names of a pair when they agree (ids compared without regard to case)', () => {
    const config = loadConfig({
      ...singleTenant(PROJECT),
      CLIENT_ID: APP.toUpperCase(),
      CLIENT_SECRET: SECRET,
      TENANT_ID: TENANT.toUpperCase(),
    });
    expect(config.bot).toEqual({ mode: 'authenticated', appId: APP, appType: 'SingleTenant', tenantId: TENANT, password: SECRET });
  });

  it('treats a blank name of a pair as unset', () => {
    expect(loadConfig({ ...singleTenant(TOOLKIT), BOT_ID: ' ', BOT_PASSWORD: '', BOT_TENANT_ID: '' }).bot).toMatchObject({ appId: APP });
  });

  it.each<[string, Environment, string]>([
    [
      'app ids',
      { ...singleTenant(PROJECT), CLIENT_ID: OTHER },
      'BOT_ID: BOT_ID and CLIENT_ID are both set and differ: they name the same setting, so set only one of them',
    ],
    [
      'secrets',
      { ...singleTenant(PROJECT), CLIENT_SECRET: `${SECRET}x` },
      'BOT_PASSWORD: BOT_PASSWORD and CLIENT_SECRET are both set and differ: they name the same setting, so set only one of them',
    ],
    [
      'tenants',
      { ...singleTenant(PROJECT), TENANT_ID: OTHER },
      'BOT_TENANT_ID: BOT_TENANT_ID and TENANT_ID are both set and differ: they name the same setting, so set only one of them',
    ],
  ])('refuses two different %s, naming both variables', (_label, env, expected) => {
    expect(problems(env)).toEqual([expected]);
  });

  it('never echoes a secret, even when the two names disagree', () => {
    const found = problems({ ...singleTenant(PROJECT), CLIENT_SECRET: 'other-secret-value', BOT_TYPE: 'UserAssignedMSI' });
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) {
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain('other-secret-value');
    }
  });

  it('reports every disagreement and every other problem at once', () => {
    const found = problems({ ...storage, BOT_ID: APP, CLIENT_ID: OTHER, BOT_TENANT_ID: TENANT, TENANT_ID: OTHER, BOT_TYPE: 'Bogus' });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^BOT_ID: BOT_ID and CLIENT_ID are both set and differ/),
        expect.stringMatching(/^BOT_TENANT_ID: BOT_TENANT_ID and TENANT_ID are both set and differ/),
        'BOT_TYPE: expected one of UserAssignedMSI, SingleTenant, got "Bogus"',
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it.each<[string, Environment, string]>([
    [
      'CLIENT_ID not a GUID',
      { ...singleTenant(TOOLKIT), CLIENT_ID: 'my-bot' },
      `CLIENT_ID: expected the bot's Microsoft App ID (a GUID), got "my-bot"`,
    ],
    ['TENANT_ID not a GUID', { ...singleTenant(TOOLKIT), TENANT_ID: 'contoso' }, 'TENANT_ID: expected a tenant id (a GUID), got "contoso"'],
    [
      'CLIENT_ID without a tenant',
      { ...singleTenant(TOOLKIT), TENANT_ID: undefined },
      'TENANT_ID: required with CLIENT_ID: the Entra tenant id (a GUID) of the bot registration',
    ],
    [
      'CLIENT_ID without BOT_TYPE',
      { ...singleTenant(TOOLKIT), BOT_TYPE: undefined },
      'BOT_TYPE: required with CLIENT_ID: one of UserAssignedMSI, SingleTenant',
    ],
    [
      'SingleTenant under CLIENT_ID without a secret',
      { ...singleTenant(TOOLKIT), CLIENT_SECRET: undefined },
      'CLIENT_SECRET: required when BOT_TYPE=SingleTenant: the client secret of the app registration',
    ],
    [
      'a managed identity with a CLIENT_SECRET',
      { ...singleTenant(PROJECT), BOT_PASSWORD: undefined, CLIENT_SECRET: SECRET, BOT_TYPE: 'UserAssignedMSI' },
      'CLIENT_SECRET: must be empty when BOT_TYPE=UserAssignedMSI: a managed identity has no secret',
    ],
    [
      'BOT_ID without a tenant under either name',
      { ...singleTenant(PROJECT), BOT_TENANT_ID: undefined },
      'BOT_TENANT_ID: required with BOT_ID: the Entra tenant id (a GUID) of the bot registration',
    ],
    [
      'TENANT_ID without an app id',
      { ...storage, TENANT_ID: TENANT },
      'TENANT_ID: is set but BOT_ID is empty: set BOT_ID (or CLIENT_ID) too, or unset it for local mode',
    ],
    [
      'CLIENT_SECRET without an app id',
      { ...storage, CLIENT_SECRET: SECRET },
      'CLIENT_SECRET: is set but BOT_ID is empty: set BOT_ID (or CLIENT_ID) too, or unset it for local mode',
    ],
    [
      'production with neither app id',
      { ...storage, NODE_ENV: 'production', TENANT_ID: TENANT },
      'BOT_ID: required when NODE_ENV=production: the bot never runs in production without Bot Framework authentication (set BOT_ID or CLIENT_ID)',
    ],
  ])('names the variable that was used: %s', (_label, env, expected) => {
    expect(problems(env)).toContain(expected);
  });

  it('stays in local mode when none of the six names is set', () => {
    expect(loadConfig(storage).bot).toEqual({ mode: 'local' });
    expect(loadConfig({ ...storage, CLIENT_ID: '', TENANT_ID: ' ' }).bot).toEqual({ mode: 'local' });
  });
});
