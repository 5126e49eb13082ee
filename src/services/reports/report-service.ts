/**
 * "report [last N weeks|days|months]" for the help desk lead and admins: the figures of a period,
 * read from the per-day counters (a few rows per day and shard, never the tickets themselves).
 * Who may read is decided from the configuration (REPORT_READER_IDS and ADMIN_IDS), never from the
 * message.
 */
import type { Clock } from '../../domain/ports/clock';
import type { RecognitionChoices } from '../../domain/ports/recognition';
import type { ReportCounterStore } from '../../domain/ports/report-counters';
import { reportFigures, type ReportFigures } from '../../domain/reports/report-figures';
import { parsePeriod, type PeriodVocabulary, type ReportPeriod } from '../../domain/reports/report-period';
import { reportRows, type ReportRow } from '../../domain/reports/report-rows';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { reportCard } from '../../presentation/report-cards';

export interface ReportServiceDeps {
  readonly counters: ReportCounterStore;
  readonly clock: Clock;
  /** Entra object ids (lower case) of the help desk lead(s) and admins. */
  readonly readerIds: ReadonlySet<string>;
  /** A period's words in every language the bot speaks (src/i18n/period-words.ts). */
  readonly periodWords: PeriodVocabulary;
  /** Who opted out of recognition: never named among the most helpful. Absent: nobody did. */
  readonly recognition?: Pick<RecognitionChoices, 'optedOut'>;
}

export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  canRead(aadObjectId: string): boolean {
    return this.deps.readerIds.has(aadObjectId.toLowerCase());
  }

  /** Whether `words` (what followed "report") name a period: "report a bug in my app" does not. */
  understands(words: string): boolean {
    return parsePeriod(words, this.deps.clock.now(), this.deps.periodWords) !== undefined;
  }

  /** The report card for `words` (what followed "report"), or why not. */
  async report(aadObjectId: string, words: string): Promise<Answer> {
    if (!this.canRead(aadObjectId)) return messageAnswer(text('reports.readersOnly'));
    const now = this.deps.clock.now();
    const period = parsePeriod(words, now, this.deps.periodWords);
    if (!period) return messageAnswer(text('reports.badPeriod'));
    return cardAnswer(reportCard(await this.figures(period, now), now));
  }

  async figures(period: ReportPeriod, now: Date = this.deps.clock.now()): Promise<ReportFigures & { rowsRead: number }> {
    const [stored, optedOut] = await Promise.all([this.deps.counters.read(period.from, period.to), this.optedOut()]);
    return { ...reportFigures(stored.days, stored.backlog, period, now, optedOut), rowsRead: stored.rowsRead };
  }

  /** The CSV's rows (npm run report). */
  async rows(period: ReportPeriod): Promise<ReportRow[]> {
    const [stored, optedOut] = await Promise.all([this.deps.counters.read(period.from, period.to), this.optedOut()]);
    return reportRows(stored.days, stored.backlog, period, optedOut);
  }

  private optedOut(): Promise<ReadonlySet<string>> {
    return this.deps.recognition?.optedOut() ?? Promise.resolve(new Set<string>());
  }
}
