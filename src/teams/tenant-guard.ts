import { Middleware, TurnContext } from 'botbuilder';
import { TenantPolicy } from '../config/app-config';
import { Logger } from '../logging/logger';
import { answerInvoke } from './invoke-answers';
import { FAILURE_MESSAGES } from './turn-failures';

/** The tenant an activity comes from; Teams puts it in both places depending on the activity. */
export function tenantOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  const id = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return id?.toLowerCase();
}

/**
 * Drops activities from tenants outside the allow-list before any state is read or any message sent.
 * Neither botbuilder nor teams-ai checks the tenant: a bot registration is reachable from any tenant
 * that installs the app. A card action still gets its invoke response (a short refusal in the HTTP
 * answer, nothing posted to the conversation), so Teams shows words instead of an error.
 */
export function tenantGuard(policy: TenantPolicy, logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      if (policy.kind === 'any') return next();
      const tenant = tenantOf(context);
      if (tenant !== undefined && policy.tenantIds.has(tenant)) return next();
      logger.warn(
        { tenantId: tenant ?? null, activityType: context.activity.type, activityId: context.activity.id },
        'activity from a tenant that is not allowed: dropped',
      );
      if (context.activity.type === 'invoke') await answerInvoke(context, FAILURE_MESSAGES.tenantRefused);
    },
  };
}
