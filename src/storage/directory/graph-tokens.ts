/**
 * The app's own identity for Microsoft Graph (application permission User.Read.All): the bot's
 * managed identity or client secret when the bot runs, DefaultAzureCredential for the command line
 * (an admin's Azure sign-in, or a managed identity). A loopback GRAPH_BASE_URL (the local stand-in)
 * takes no token.
 */
import { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { BotCredentials } from '../../config/app-config';
import { isLoopbackUrl } from '../../config/validators';
import type { TokenSource } from './graph-people-directory';

export type GraphIdentity =
  { readonly kind: 'bot'; readonly bot: BotCredentials } | { readonly kind: 'default'; readonly managedIdentityClientId?: string };

/** `https://graph.microsoft.com/.default` for the public cloud; the national clouds' own origin otherwise. */
export function graphScope(baseUrl: string): string {
  return `${new URL(baseUrl).origin}/.default`;
}

export function graphTokens(baseUrl: string, identity: GraphIdentity): TokenSource | undefined {
  return appTokens(baseUrl, graphScope(baseUrl), identity);
}

/** Tokens of the app's identity for a service (Graph, a Dataverse environment); none for loopback stand-ins. */
export function appTokens(url: string, scope: string, identity: GraphIdentity): TokenSource | undefined {
  if (isLoopbackUrl(url)) return undefined;
  const credential = credentialOf(identity);
  return {
    token: async () => {
      const token = await credential.getToken(scope);
      if (!token) throw new Error('no token for Microsoft Graph');
      return token.token;
    },
  };
}

function credentialOf(identity: GraphIdentity): TokenCredential {
  if (identity.kind === 'bot' && identity.bot.mode === 'authenticated') {
    const bot = identity.bot;
    if (bot.appType === 'UserAssignedMSI') return new ManagedIdentityCredential({ clientId: bot.appId });
    if (bot.password) return new ClientSecretCredential(bot.tenantId, bot.appId, bot.password);
  }
  const clientId = identity.kind === 'default' ? identity.managedIdentityClientId : undefined;
  return new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
}
