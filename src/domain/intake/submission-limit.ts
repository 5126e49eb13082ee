/**
 * How many requests one person may submit: at most `perWindow` in any `windowMs` (a sliding window).
 * Pure: decides from the person's recent submissions as stored; the service stores the result with
 * its ETag, so every instance counts against the same record.
 */

/** One submission counted against the limit (the request's id makes a repeated Submit free). */
export interface SubmissionRecord {
  readonly requestId: string;
  /** ISO-8601 instant. */
  readonly at: string;
}

export interface SubmissionPolicy {
  readonly perWindow: number;
  readonly windowMs: number;
}

export const HOUR_MS = 60 * 60 * 1000;

export type SubmissionDecision =
  /** `records`: what to store now (older ones dropped); `counted`: false when this request was counted before. */
  | { readonly allowed: true; readonly counted: boolean; readonly records: readonly SubmissionRecord[] }
  | { readonly allowed: false; readonly retryAt: Date };

export function decideSubmission(
  stored: readonly SubmissionRecord[],
  requestId: string,
  now: Date,
  policy: SubmissionPolicy,
): SubmissionDecision {
  const since = now.getTime() - policy.windowMs;
  const recent = stored.filter((r) => Date.parse(r.at) > since).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // A redelivered or repeated Submit of the same request (even after a failed attempt) costs nothing more.
  if (recent.some((r) => r.requestId === requestId)) return { allowed: true, counted: false, records: recent };
  if (recent.length >= policy.perWindow) {
    // Room comes back when enough of the oldest ones leave the window (fewer than perWindow remain).
    const freeing = recent[recent.length - policy.perWindow]!;
    return { allowed: false, retryAt: new Date(Date.parse(freeing.at) + policy.windowMs) };
  }
  return { allowed: true, counted: true, records: [...recent, { requestId, at: now.toISOString() }] };
}
