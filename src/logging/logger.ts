import pino, { Logger } from 'pino';
import { LogLevel } from '../config/app-config';

export type { Logger };

/**
 * Structured JSON logs on stdout, one object per line. Message text and personal data never go in
 * at info level: log ids (conversation, activity, ticket), not content.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'support-intake-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['*.text', '*.password', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
