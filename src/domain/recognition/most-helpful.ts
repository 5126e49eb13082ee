/**
 * Who is thanked and who is named "most helpful": makers and co-owners from the report counters'
 * per-person figures (helpersOf), never anyone who opted out. Pure.
 */
/** A person's figures for a period (report-figures.ts `Helper`; structural, so reports can rank without a cycle). */
export interface HelperFigures {
  readonly aadObjectId: string;
  readonly answered: number;
  readonly resolved: number;
  readonly meanMs?: number;
}

/** People with at least `minimum` requests answered or resolved in the period (the thank-you cards). */
export function thankedHelpers<H extends HelperFigures>(helpers: readonly H[], optedOut: ReadonlySet<string>, minimum: number): H[] {
  return helpers.filter((h) => h.answered + h.resolved >= minimum && !optedOut.has(h.aadObjectId.toLowerCase()));
}

/**
 * The most helpful: most requests resolved, then most answered, then the quicker first answer, then
 * the object id (so the order never depends on how the counters were read). Opted-out people are
 * left out before the top `limit` is taken, so the list still names `limit` people when it can.
 */
export function mostHelpful<H extends HelperFigures>(helpers: readonly H[], optedOut: ReadonlySet<string>, limit: number): H[] {
  return helpers
    .filter((h) => !optedOut.has(h.aadObjectId.toLowerCase()) && h.answered + h.resolved > 0)
    .sort(
      (a, b) =>
        b.resolved - a.resolved ||
        b.answered - a.answered ||
        (a.meanMs ?? Infinity) - (b.meanMs ?? Infinity) ||
        (a.aadObjectId < b.aadObjectId ? -1 : a.aadObjectId > b.aadObjectId ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
}
