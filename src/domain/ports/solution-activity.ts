/** Per-solution requests and timeouts over days, from the report counters (storage/reports/table-report-counters.ts). */
import type { SolutionActivity } from '../governance/solution-activity';

export interface SolutionActivityReader {
  /** Every solution with requests or timeouts counted from `from` to `to` (UTC days, inclusive), by id. */
  solutionActivity(from: string, to: string): Promise<ReadonlyMap<string, SolutionActivity>>;
}
