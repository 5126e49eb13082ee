/**
 * Where the bot reaches a tenant's Teams, and each person: the service URL and the bot's own account,
 * as the latest incoming activities carried them (storage/conversations/table-endpoint-store.ts).
 * Proactive messages to people who never talked to the bot need them.
 */

export interface TenantEndpoint {
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name?: string };
  readonly seenAt: string;
}

/**
 * Where one person was last seen: the service URL (and bot account) of their own latest activity, in
 * any conversation. A DM to them is created there rather than at the tenant's latest endpoint, which
 * another person's activity may have set (in the local demo every person has their own playground).
 */
export interface PersonEndpoint {
  readonly aadObjectId: string;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name?: string };
  readonly tenantId?: string;
  readonly seenAt: string;
}

export interface EndpointDirectory {
  /** The tenant's latest endpoint; without a tenant, the latest of any tenant. */
  get(tenantId?: string): Promise<TenantEndpoint | undefined>;
  getPerson(aadObjectId: string): Promise<PersonEndpoint | undefined>;
}

export interface EndpointMemory {
  /** Last writer wins: every endpoint Teams sends is current. */
  save(endpoint: TenantEndpoint): Promise<void>;
  savePerson(endpoint: PersonEndpoint): Promise<void>;
}
