import { TeamsAdapter } from '@microsoft/teams-ai';
import {
  Activity,
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  InvokeResponse,
  StatusCodes,
  TurnContext,
} from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  ServiceClientCredentials,
  ServiceClientCredentialsFactory,
  TokenCredentials,
} from 'botframework-connector';
import { BotCredentials } from '../config/app-config';
import { Logger } from '../logging/logger';

/**
 * Code-only replacements for the two places Bot Framework authentication reaches the internet, so
 * the protocol tests run botbuilder's real JWT validation offline. No environment variable reaches
 * them, and `startBot` refuses them when NODE_ENV=production. Everything else (issuer, audience,
 * expiry, signature, endorsements, serviceUrl claim) is validated exactly as in production.
 */
export interface AuthOverrides {
  /** OpenID metadata document listing the keys that sign channel tokens (instead of login.botframework.com). */
  readonly channelOpenIdMetadataUrl: string;
  /** The bearer token the bot sends with its own calls to the connector (instead of one from Entra). */
  readonly outboundToken: string;
}

/**
 * The Bot Framework adapter. With credentials it validates every incoming request's JWT and
 * authenticates outgoing calls; in local mode (no app id) botbuilder skips both, which is why local
 * mode only ever listens on loopback (enforced by the configuration and by `startBot`).
 */
export function createAdapter(bot: BotCredentials, logger: Logger, overrides?: AuthOverrides): TeamsAdapter {
  if (bot.mode === 'local') {
    if (overrides) throw new Error('authentication overrides need credentials (BOT_ID): local mode does not authenticate');
    return new TeamsAdapter({});
  }
  const credentials = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    MicrosoftAppPassword: bot.password ?? '',
  };
  if (!overrides) return new AuthenticatingAdapter(logger, credentials);
  const factory = new FixedTokenCredentialsFactory(new ConfigurationServiceClientCredentialFactory(credentials), overrides.outboundToken);
  return new AuthenticatingAdapter(logger, { ...credentials, ...publicCloud(overrides.channelOpenIdMetadataUrl) }, factory);
}

/**
 * botbuilder's public-cloud settings, as its factory applies them when none are given, with only the
 * metadata URL replaced. (Giving any one of them makes botbuilder expect all of them.)
 */
function publicCloud(channelOpenIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** jsonwebtoken's verification failures (bad signature, malformed token, not yet valid). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * A TeamsAdapter whose authentication failures are all 401 with one structured log line. botbuilder
 * lets jsonwebtoken's own errors (a forged signature, a malformed token) through as 500, and maps
 * its "could not load the signing keys" error to 401; here the first are 401 and the second 500.
 */
class AuthenticatingAdapter extends TeamsAdapter {
  constructor(
    private readonly logger: Logger,
    ...args: ConstructorParameters<typeof TeamsAdapter>
  ) {
    super(...args);
  }

  protected override processActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  protected override processActivity(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const result = typeof auth === 'string' ? await this.authenticate(activity, auth) : auth;
    return super.processActivity(result, activity, logic);
  }

  private async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const message = error instanceof Error ? error.message : String(error);
      const serverFault = error instanceof AuthenticationError ? error.statusCode !== StatusCodes.UNAUTHORIZED : !TOKEN_ERRORS.has(name);
      if (serverFault) {
        this.logger.error({ err: error }, 'could not validate the Bot Framework token');
        throw new Error(`could not validate the token: ${message}`);
      }
      // The caller is unauthenticated: log only short, bounded fields from its body.
      const activityType = String(activity.type).slice(0, 40);
      const channelId = String(activity.channelId).slice(0, 40);
      this.logger.warn({ reason: message.slice(0, 200), activityType, channelId }, 'request refused: invalid Bot Framework token');
      throw error instanceof AuthenticationError ? error : new AuthenticationError(`Unauthorized. ${message}`, StatusCodes.UNAUTHORIZED);
    }
  }
}

/** Inbound checks from botbuilder's own factory; outbound calls carry a fixed token. See AuthOverrides. */
class FixedTokenCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly inner: ServiceClientCredentialsFactory,
    private readonly token: string,
  ) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return this.inner.isValidAppId(appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return this.inner.isAuthenticationDisabled();
  }

  async createCredentials(appId: string): Promise<ServiceClientCredentials> {
    if (!(await this.inner.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new TokenCredentials(this.token);
  }
}
