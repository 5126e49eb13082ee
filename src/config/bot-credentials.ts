import { BOT_TYPES, BotCredentials, BotType, NodeEnv } from './app-config';
import { EnvVariableName } from './env-spec';
import { Problem, Reader } from './env-reader';
import { isGuid } from './validators';

/**
 * The bot's credentials under either of two names: this project's Bot Framework names, or the
 * names the Microsoft 365 Agents Toolkit and the Teams SDK use (`CLIENT_ID`, `CLIENT_SECRET`,
 * `TENANT_ID`). One of each pair is enough; when both are set they must agree.
 */
const PAIRS = {
  appId: { bot: 'BOT_ID', toolkit: 'CLIENT_ID', caseInsensitive: true },
  password: { bot: 'BOT_PASSWORD', toolkit: 'CLIENT_SECRET', caseInsensitive: false },
  tenantId: { bot: 'BOT_TENANT_ID', toolkit: 'TENANT_ID', caseInsensitive: true },
} as const satisfies Record<string, { bot: EnvVariableName; toolkit: EnvVariableName; caseInsensitive: boolean }>;

type Pair = (typeof PAIRS)[keyof typeof PAIRS];

/** A value read under one of its two names; `name` is the one to use in messages. */
interface Named {
  readonly value: string | undefined;
  readonly name: EnvVariableName;
}

/**
 * Reads one pair. Messages name what the operator wrote: the toolkit name when only it is set, the
 * project's name otherwise (and when neither is). Secrets are never echoed.
 */
function readPair(read: Reader, problem: Problem, pair: Pair, preferToolkit: boolean): Named {
  const bot = read(pair.bot);
  const toolkit = read(pair.toolkit);
  if (bot !== undefined && toolkit !== undefined) {
    const same = pair.caseInsensitive ? bot.toLowerCase() === toolkit.toLowerCase() : bot === toolkit;
    if (!same) {
      problem(pair.bot, `${pair.bot} and ${pair.toolkit} are both set and differ: they name the same setting, so set only one of them`);
    }
    return { value: bot, name: pair.bot };
  }
  if (toolkit !== undefined) return { value: toolkit, name: pair.toolkit };
  if (bot !== undefined) return { value: bot, name: pair.bot };
  return { value: undefined, name: preferToolkit ? pair.toolkit : pair.bot };
}

/** BOT_TYPE; case-insensitive because the toolkit's templates write `UserAssignedMsi`. */
function readBotType(value: string | undefined, appIdName: string, problem: Problem): BotType | undefined {
  if (value === undefined) {
    problem('BOT_TYPE', `required with ${appIdName}: one of ${BOT_TYPES.join(', ')}`);
    return undefined;
  }
  const type = BOT_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
  if (type === undefined) problem('BOT_TYPE', `expected one of ${BOT_TYPES.join(', ')}, got "${value}"`);
  return type;
}

/** Local mode without an app id; a complete, validated registration otherwise. */
export function readBotCredentials(read: Reader, nodeEnv: NodeEnv, problem: Problem): BotCredentials {
  const appId = readPair(read, problem, PAIRS.appId, false);
  // with the toolkit's app id, missing partners are named by their toolkit names too
  const toolkit = appId.name === PAIRS.appId.toolkit;
  const tenantId = readPair(read, problem, PAIRS.tenantId, toolkit);
  const password = readPair(read, problem, PAIRS.password, toolkit);
  const appType = read('BOT_TYPE');

  if (appId.value === undefined) {
    if (nodeEnv === 'production') {
      problem(
        'BOT_ID',
        'required when NODE_ENV=production: the bot never runs in production without Bot Framework authentication (set BOT_ID or CLIENT_ID)',
      );
    }
    const given: Named[] = [{ value: appType, name: 'BOT_TYPE' }, tenantId, password];
    for (const { name, value } of given) {
      if (value !== undefined) problem(name, 'is set but BOT_ID is empty: set BOT_ID (or CLIENT_ID) too, or unset it for local mode');
    }
    return { mode: 'local' };
  }

  if (!isGuid(appId.value)) problem(appId.name, `expected the bot's Microsoft App ID (a GUID), got "${appId.value}"`);
  const type = readBotType(appType, appId.name, problem);
  if (tenantId.value === undefined) {
    problem(tenantId.name, `required with ${appId.name}: the Entra tenant id (a GUID) of the bot registration`);
  } else if (!isGuid(tenantId.value)) {
    problem(tenantId.name, `expected a tenant id (a GUID), got "${tenantId.value}"`);
  }
  if (type === 'SingleTenant' && password.value === undefined) {
    problem(password.name, 'required when BOT_TYPE=SingleTenant: the client secret of the app registration');
  }
  if (type === 'UserAssignedMSI' && password.value !== undefined) {
    problem(password.name, 'must be empty when BOT_TYPE=UserAssignedMSI: a managed identity has no secret');
  }
  return {
    mode: 'authenticated',
    appId: appId.value,
    appType: type ?? 'SingleTenant',
    tenantId: tenantId.value ?? '',
    password: password.value,
  };
}
