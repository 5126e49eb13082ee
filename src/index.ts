import { loadConfig } from './config/load-config';
import { ConfigError } from './config/config-error';
import { createLogger } from './logging/logger';
import { startTelemetry } from './telemetry/start-telemetry';

/** Process entry point: configuration, start, banner, graceful shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // Before the bot's modules load, so OpenTelemetry can instrument http and the Azure SDK.
  const telemetry = startTelemetry(config.appInsightsConnectionString, logger);
  const { startBot } = await import('./start-bot');

  // Handlers first: a SIGTERM that arrives while the bot starts (or the instant it listens) must be
  // handled, never the default "die at once".
  let server: Awaited<ReturnType<typeof startBot>> | undefined;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    Promise.resolve(server?.close())
      .then(() => telemetry.shutdown())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  try {
    server = await startBot(config, logger);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use: stop the other process or set PORT to a free port`
        : error instanceof Error
          ? error.message
          : String(error);
    logger.fatal({ err: error }, message);
    process.stderr.write(`Could not start: ${message}\n`);
    process.exit(1);
  }

  if (config.bot.mode === 'local') {
    const line = '!'.repeat(78);
    process.stderr.write(
      `${line}\n!! LOCAL MODE: no BOT_ID, so Bot Framework authentication is OFF.\n` +
        `!! Listening on ${server.url} (loopback only). Never expose this port.\n${line}\n`,
    );
  }
  logger.info({ url: server.url, mode: config.bot.mode }, 'bot listening');
}

void main();
