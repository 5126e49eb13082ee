import { AppConfig } from './config/app-config';
import { createServer, listen, RunningServer } from './http/server';
import { Logger } from './logging/logger';
import { IntakeService } from './services/intake/intake-service';
import { Clock, SolutionLookup, systemClock } from './services/ports';
import { TableCaseStore } from './storage/cases/table-case-store';
import { TableIntakeStore } from './storage/intake/table-intake-store';
import { TableService } from './storage/table-service';
import { TableStateStore } from './storage/table-state-store';
import { createBot } from './teams/create-bot';

/** Replaceable parts, for tests (a controllable clock) and for wiring not done yet. */
export interface StartOptions {
  readonly clock?: Clock;
  readonly catalog?: SolutionLookup;
}

/**
 * The composition root: wires storage, services, the Teams layer and the HTTP server, and starts
 * listening. Used by `src/index.ts` and by the protocol tests, so tests run what production runs.
 */
export async function startBot(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const tables = new TableService(config.storage, config.tablePrefix);
  await tables.ensureTables();
  const clock = options.clock ?? systemClock;
  const catalog = options.catalog ?? emptyCatalog;

  const intake = new IntakeService({
    intakes: new TableIntakeStore(tables.client('intakes')),
    requests: new TableCaseStore(tables.client('cases')),
    catalog,
    clock,
  });
  const bot = createBot({ config, logger, stateStore: new TableStateStore(tables.client('botState')), services: { intake } });
  const server = createServer({
    logger,
    processActivity: (req, res) => bot.process(req, res),
    checkReady: () => tables.ping(),
  });
  return listen(server, config.port, config.bindAddress);
}

const emptyCatalog: SolutionLookup = { get: async () => undefined, search: async () => [] };
