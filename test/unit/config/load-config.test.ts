import { ConfigError } from '../../../src/config/config-error';
import { configProblems } from '../../support/config-problems';
import { Environment, loadConfig } from '../../../src/config/load-config';

const GUID_A = '11111111-1111-4111-8111-111111111111';
const GUID_B = '22222222-2222-4222-8222-222222222222';
const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

const local: Environment = { STORAGE_CONNECTION_STRING: AZURITE };
const production: Environment = {
  NODE_ENV: 'production',
  BOT_ID: GUID_A,
  BOT_TYPE: 'UserAssignedMSI',
  BOT_TENANT_ID: GUID_B,
  STORAGE_ACCOUNT_URL: 'https://acct.table.core.windows.net',
};

const problems = configProblems;

describe('loadConfig', () => {
  it('applies defaults in local mode', () => {
    const config = loadConfig(local);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3978,
      bindAddress: '127.0.0.1',
      bot: { mode: 'local' },
      storage: { kind: 'connection-string', connectionString: AZURITE },
      tablePrefix: '',
      tenants: { kind: 'any' },
      logLevel: 'info',
    });
    expect(config.adminIds.size).toBe(0);
  });

  it('reads a complete production configuration with a managed identity', () => {
    const config = loadConfig({ ...production, AZURE_CLIENT_ID: GUID_A, ADMIN_IDS: `${GUID_A}, ${GUID_B.toUpperCase()}` });
    expect(config.bot).toEqual({ mode: 'authenticated', appId: GUID_A, appType: 'UserAssignedMSI', tenantId: GUID_B, password: undefined });
    expect(config.bindAddress).toBe('0.0.0.0');
    expect(config.storage).toEqual({
      kind: 'account-url',
      accountUrl: 'https://acct.table.core.windows.net',
      managedIdentityClientId: GUID_A,
    });
    expect(config.tenants).toEqual({ kind: 'list', tenantIds: new Set([GUID_B]) });
    expect([...config.adminIds]).toEqual([GUID_A, GUID_B]);
  });

  it('reads a SingleTenant bot with a secret and an explicit tenant allow-list', () => {
    const config = loadConfig({ ...production, BOT_TYPE: 'SingleTenant', BOT_PASSWORD: 's3cret', ALLOWED_TENANTS: `${GUID_A},${GUID_B}` });
    expect(config.bot).toMatchObject({ appType: 'SingleTenant', password: 's3cret' });
    expect(config.tenants).toEqual({ kind: 'list', tenantIds: new Set([GUID_A, GUID_B]) });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ ...local, PORT: '  ', BOT_ID: '' }).port).toBe(3978);
  });

  it('reports every problem at once, naming each variable', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(problems({ PORT: 'x', LOG_LEVEL: 'loud' })).toHaveLength(3);
    expect(() => loadConfig({ PORT: 'x' })).toThrow(/PORT: expected an integer between 1 and 65535, got "x"[\s\S]*See \.env\.example/);
  });

  it.each<[string, Environment, string]>([
    ['PORT not a number', { ...local, PORT: 'abc' }, 'PORT: expected an integer between 1 and 65535, got "abc"'],
    ['PORT out of range', { ...local, PORT: '70000' }, 'PORT: expected an integer between 1 and 65535, got "70000"'],
    ['PORT zero', { ...local, PORT: '0' }, 'PORT: expected an integer between 1 and 65535, got "0"'],
    ['NODE_ENV unknown', { ...local, NODE_ENV: 'prod' }, 'NODE_ENV: expected one of production, development, test, got "prod"'],
    [
      'LOG_LEVEL unknown',
      { ...local, LOG_LEVEL: 'verbose' },
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    ],
    [
      'production without BOT_ID',
      { NODE_ENV: 'production', STORAGE_CONNECTION_STRING: AZURITE },
      'BOT_ID: required when NODE_ENV=production: the bot never runs in production without Bot Framework authentication (set BOT_ID or CLIENT_ID)',
    ],
    ['BOT_ID not a GUID', { ...production, BOT_ID: 'my-bot' }, `BOT_ID: expected the bot's Microsoft App ID (a GUID), got "my-bot"`],
    ['BOT_TYPE missing', { ...production, BOT_TYPE: undefined }, 'BOT_TYPE: required with BOT_ID: one of UserAssignedMSI, SingleTenant'],
    [
      'BOT_TYPE unknown',
      { ...production, BOT_TYPE: 'MultiTenant' },
      'BOT_TYPE: expected one of UserAssignedMSI, SingleTenant, got "MultiTenant"',
    ],
    [
      'BOT_TENANT_ID missing',
      { ...production, BOT_TENANT_ID: undefined },
      'BOT_TENANT_ID: required with BOT_ID: the Entra tenant id (a GUID) of the bot registration',
    ],
    [
      'BOT_TENANT_ID not a GUID',
      { ...production, BOT_TENANT_ID: 'contoso' },
      'BOT_TENANT_ID: expected a tenant id (a GUID), got "contoso"',
    ],
    [
      'SingleTenant without a secret',
      { ...production, BOT_TYPE: 'SingleTenant' },
      'BOT_PASSWORD: required when BOT_TYPE=SingleTenant: the client secret of the app registration',
    ],
    [
      'managed identity with a secret',
      { ...production, BOT_PASSWORD: 'x' },
      'BOT_PASSWORD: must be empty when BOT_TYPE=UserAssignedMSI: a managed identity has no secret',
    ],
    [
      'credentials without BOT_ID',
      { ...local, BOT_TYPE: 'SingleTenant' },
      'BOT_TYPE: is set but BOT_ID is empty: set BOT_ID (or CLIENT_ID) too, or unset it for local mode',
    ],
    [
      'local mode on a public address',
      { ...local, BIND_ADDRESS: '0.0.0.0' },
      'BIND_ADDRESS: local mode (no BOT_ID) runs without authentication and listens on loopback only; got "0.0.0.0"',
    ],
    [
      'no storage',
      {},
      'STORAGE_CONNECTION_STRING: required: set STORAGE_CONNECTION_STRING (or STORAGE_ACCOUNT_URL with a managed identity)',
    ],
    [
      'both storage variables',
      { ...production, STORAGE_CONNECTION_STRING: AZURITE },
      'STORAGE_CONNECTION_STRING: set either STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both',
    ],
    [
      'malformed connection string',
      { STORAGE_CONNECTION_STRING: 'hello' },
      'STORAGE_CONNECTION_STRING: expected an Azure Storage connection string (AccountName=…;AccountKey=…;TableEndpoint=…)',
    ],
    [
      'account URL over plain HTTP',
      { ...production, STORAGE_ACCOUNT_URL: 'http://acct.table.core.windows.net' },
      'STORAGE_ACCOUNT_URL: expected the table endpoint URL, e.g. https://ACCOUNT.table.core.windows.net, got "http://acct.table.core.windows.net"',
    ],
    ['AZURE_CLIENT_ID not a GUID', { ...production, AZURE_CLIENT_ID: 'id' }, 'AZURE_CLIENT_ID: expected a client id (a GUID), got "id"'],
    [
      'TABLE_PREFIX with symbols',
      { ...local, TABLE_PREFIX: 'my-app' },
      'TABLE_PREFIX: expected up to 20 letters and digits starting with a letter, got "my-app"',
    ],
    [
      'ALLOWED_TENANTS with a name',
      { ...production, ALLOWED_TENANTS: `${GUID_A},contoso.com` },
      'ALLOWED_TENANTS: expected a comma-separated list of tenant ids (GUIDs); not a GUID: "contoso.com"',
    ],
    [
      'ADMIN_IDS with an email',
      { ...local, ADMIN_IDS: 'patti@contoso.com' },
      'ADMIN_IDS: expected a comma-separated list of Entra object ids (GUIDs); not a GUID: "patti@contoso.com"',
    ],
    [
      'App Insights string malformed',
      { ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: 'abc' },
      'APPLICATIONINSIGHTS_CONNECTION_STRING: expected an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
    ],
  ])('rejects %s', (_label, env, expected) => {
    expect(problems(env)).toContain(expected);
  });

  it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('accepts loopback %s in local mode', (address) => {
    expect(loadConfig({ ...local, BIND_ADDRESS: address }).bindAddress).toBe(address);
  });

  it('accepts plain HTTP for a loopback account URL (Azurite with a token)', () => {
    expect(loadConfig({ STORAGE_ACCOUNT_URL: 'http://127.0.0.1:10002/devstoreaccount1' }).storage.kind).toBe('account-url');
  });
});
