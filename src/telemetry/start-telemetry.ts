import type { Logger } from '../logging/logger';

/** The Azure Monitor OpenTelemetry distro: one package for traces, metrics and logs to Application Insights. */
export const AZURE_MONITOR_PACKAGE = '@azure/monitor-opentelemetry';

/** The part of the distro's documented API this product uses. */
export interface AzureMonitorDistro {
  useAzureMonitor(options: { azureMonitorExporterOptions: { connectionString: string } }): void;
  shutdownAzureMonitor(): Promise<void>;
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Flushes what is buffered; call before the process exits. Never throws. */
  shutdown(): Promise<void>;
}

const disabled: Telemetry = { enabled: false, shutdown: async () => undefined };

/**
 * Starts OpenTelemetry export to Application Insights when a connection string is configured.
 * Call it before the modules it instruments (http, the Azure SDK) are loaded. The distro is only
 * required here, so the bot runs without it installed as long as no connection string is set; if one
 * is set but the package is missing or fails, the bot logs an error and runs without telemetry
 * rather than not at all.
 */
export function startTelemetry(
  connectionString: string | undefined,
  logger: Logger,
  load: () => AzureMonitorDistro = loadDistro,
): Telemetry {
  if (connectionString === undefined) return disabled;
  let distro: AzureMonitorDistro;
  try {
    distro = load();
    distro.useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  } catch (error) {
    const notInstalled = (error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND';
    const detail = notInstalled ? { reason: 'package not installed' } : { err: error };
    logger.error(
      { ...detail, package: AZURE_MONITOR_PACKAGE },
      'telemetry export to Application Insights could not start: running without it',
    );
    return disabled;
  }
  logger.info({ exporter: 'azure-monitor' }, 'telemetry export to Application Insights started');
  return {
    enabled: true,
    shutdown: async () => {
      try {
        await distro.shutdownAzureMonitor();
      } catch (error) {
        logger.warn({ err: error }, 'telemetry shutdown failed: some telemetry may be lost');
      }
    },
  };
}

function loadDistro(): AzureMonitorDistro {
  // A plain require on purpose: the package is optional until the connection string is set.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(AZURE_MONITOR_PACKAGE) as AzureMonitorDistro;
}
