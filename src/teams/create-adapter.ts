import { TeamsAdapter } from '@microsoft/teams-ai';
import { BotCredentials } from '../config/app-config';

/**
 * The Bot Framework adapter. With credentials it validates every incoming request's JWT and
 * authenticates outgoing calls; in local mode (no app id) botbuilder skips both, which is why local
 * mode only ever listens on loopback (enforced by the configuration).
 */
export function createAdapter(bot: BotCredentials): TeamsAdapter {
  if (bot.mode === 'local') return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    MicrosoftAppPassword: bot.password ?? '',
  });
}
