/** The makers' recognition from the environment: whether and how often the monthly thank-you job looks, and for whom. */
import { integerReader, type Problem, type Reader } from './env-reader';

export interface RecognitionConfig {
  /** False: no thank-you cards at all (the report still names the most helpful). */
  readonly enabled: boolean;
  /** How often the job looks; a person is thanked once per month at most. */
  readonly checkIntervalMs: number;
  /** Requests answered or resolved in the month for a thank-you card. */
  readonly minimum: number;
}

export const DEFAULT_RECOGNITION: RecognitionConfig = { enabled: true, checkIntervalMs: 6 * 3_600_000, minimum: 1 };

export function readRecognition(read: Reader, problem: Problem): RecognitionConfig {
  const integer = integerReader(read, problem);
  const raw = read('RECOGNITION_ENABLED')?.toLowerCase();
  if (raw !== undefined && raw !== 'true' && raw !== 'false') problem('RECOGNITION_ENABLED', `expected true or false, got "${raw}"`);
  return {
    enabled: raw !== 'false',
    checkIntervalMs: integer('RECOGNITION_CHECK_HOURS', 6, 1, 168) * 3_600_000,
    minimum: integer('RECOGNITION_MIN_REQUESTS', DEFAULT_RECOGNITION.minimum, 1, 1000),
  };
}
