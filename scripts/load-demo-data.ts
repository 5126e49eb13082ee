/**
 * The demo data, written through the product's own services and stores into the storage of
 * STORAGE_CONNECTION_STRING / STORAGE_ACCOUNT_URL (and TABLE_PREFIX):
 *
 * - the demo catalog (scripts/demo-catalog.csv), through exactly what
 *   `npm run catalog -- import scripts/demo-catalog.csv` runs, so a second run changes nothing;
 * - the knowledge base's starter articles (kb/*.md), through exactly what `npm run kb -- import kb`
 *   runs (a second run changes nothing);
 * - the help desk and dedicated-team channel registrations, through the ChannelService an admin's
 *   "register help desk" message goes through, with the channel's conversation reference as that
 *   message would carry it (the serviceUrl of the playground that shows the team).
 *
 * `npm run dev` and the browser tests run both (scripts/lib/demo-stack.ts); run alone, this file
 * loads the catalog.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, runCatalogCli, type CliIo } from '../src/cli/catalog-command';
import { loadConfig, type Environment } from '../src/config/load-config';
import { runKbCli } from '../src/cli/kb-command';
import { ChannelService } from '../src/services/channels/channel-service';
import type { ChannelRole } from '../src/domain/ports/channels';
import { TableConversationStore } from '../src/storage/conversations/table-conversation-store';
import type { PersonEndpoint } from '../src/domain/ports/endpoints';
import { TableEndpointStore } from '../src/storage/conversations/table-endpoint-store';
import { TableService } from '../src/storage/table-service';
import { DEMO_CATALOG_FILE, demoCatalogCsv } from './demo-catalog';
import { demoOrg, type DemoQueue } from './lib/demo-org';

export async function loadDemoData(env: Environment, io: CliIo): Promise<number> {
  // The CSV is generated from the demo organisation: refuse to load people the playground lacks.
  if (comparable(readFileSync(DEMO_CATALOG_FILE, 'utf8')) !== comparable(demoCatalogCsv())) {
    io.err.write(
      `${path.relative(process.cwd(), DEMO_CATALOG_FILE)} is out of date with .m365agentsplayground.yml or scripts/demo-catalog.ts: ` +
        'regenerate it with `npx tsx scripts/demo-catalog.ts`.\n',
    );
    return EXIT.usage;
  }
  const catalog = await runCatalogCli(['import', DEMO_CATALOG_FILE], env, io);
  if (catalog !== EXIT.ok) return catalog;
  return runKbCli(['import', DEMO_KB_FOLDER], env, io);
}

/** The starter articles: the help desk's common Power Platform topics, in en, fr, sv and ko. */
export const DEMO_KB_FOLDER = path.resolve(__dirname, '../kb');

/** Git may rewrite line ends and editors may drop the BOM: neither changes the catalog. */
function comparable(csv: string): string {
  return csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Only the storage variables: bot credentials in the caller's shell are deliberately ignored. */
function openTables(env: Environment): TableService {
  const { storage, tablePrefix } = loadConfig({
    STORAGE_CONNECTION_STRING: env.STORAGE_CONNECTION_STRING,
    STORAGE_ACCOUNT_URL: env.STORAGE_ACCOUNT_URL,
    TABLE_PREFIX: env.TABLE_PREFIX,
    AZURE_CLIENT_ID: env.AZURE_CLIENT_ID,
  });
  return new TableService(storage, tablePrefix);
}

/** Where each registered channel is reached: the connector of the playground that shows its team. */
export interface DemoChannelEndpoints {
  readonly helpDesk: string;
  readonly dedicatedTeam: string;
}

/**
 * Registers the demo's help desk channel (IT Support › Help Desk) and the dedicated team's
 * (Power Platform Team › Escalations) as the demo's admin, as if she had said "register help desk"
 * and "register dedicated team" there.
 */
export async function registerDemoChannels(env: Environment, endpoints: DemoChannelEndpoints): Promise<void> {
  const org = demoOrg();
  const tables = openTables(env);
  await tables.ensureTables();
  const channels = new ChannelService({
    registry: new TableConversationStore(tables.client('conversations')),
    adminIds: new Set(org.admins.map((p) => p.aadObjectId.toLowerCase())),
    clock: { now: () => new Date() },
  });
  const admin = { aadObjectId: org.admin.aadObjectId, displayName: org.admin.name };
  const register = async (role: ChannelRole, queue: DemoQueue, serviceUrl: string): Promise<void> => {
    const result = await channels.register(admin, role, {
      teamId: queue.team.id,
      channelId: queue.channel.id,
      channelName: queue.channel.name,
      conversationReference: channelReference(queue, serviceUrl),
    });
    if (result.kind === 'refused') throw new Error(`registering ${queue.team.name} › ${queue.channel.name}: ${result.reason}`);
  };
  await register('help-desk', org.helpDesk, endpoints.helpDesk);
  await register('dedicated-team', org.dedicatedTeamQueue, endpoints.dedicatedTeam);
}

/**
 * The reference the bot keeps from an admin's message in that channel (TurnContext's conversation
 * reference without the activity id): where and as whom it posts there.
 */
function channelReference(queue: DemoQueue, serviceUrl: string): Record<string, unknown> {
  const org = demoOrg();
  return {
    user: { id: org.admin.id, aadObjectId: org.admin.aadObjectId, name: org.admin.name },
    bot: { id: org.bot.id, name: org.bot.name },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: org.tenantId, id: queue.channel.id, name: queue.channel.name },
    channelId: 'msteams',
    locale: 'en-US',
    serviceUrl,
  };
}

/** Where the bot last saw each person (the endpoint it learnt from their own activities). */
export async function learntEndpoints(env: Environment, aadObjectIds: readonly string[]): Promise<Map<string, PersonEndpoint | undefined>> {
  const store = new TableEndpointStore(openTables(env).client('conversations'));
  const found = await Promise.all(aadObjectIds.map(async (id) => [id, await store.getPerson(id).catch(() => undefined)] as const));
  return new Map(found);
}

if (require.main === module) {
  loadDemoData(process.env, { out: process.stdout, err: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`load-demo-data: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
