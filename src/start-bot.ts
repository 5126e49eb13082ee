import { AppConfig } from './config/app-config';
import { createServer, listen, RunningServer } from './http/server';
import { Logger } from './logging/logger';
import { TableService } from './storage/table-service';
import { TableStateStore } from './storage/table-state-store';
import { createBot } from './teams/create-bot';

/**
 * The composition root: wires storage, the Teams layer and the HTTP server, and starts listening.
 * Used by `src/index.ts` and by the protocol tests, so tests run exactly what production runs.
 */
export async function startBot(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const tables = new TableService(config.storage, config.tablePrefix);
  await tables.ensureTables();

  const bot = createBot({ config, logger, stateStore: new TableStateStore(tables.client('botState')) });
  const server = createServer({
    logger,
    processActivity: (req, res) => bot.process(req, res),
    checkReady: () => tables.ping(),
  });
  return listen(server, config.port, config.bindAddress);
}
