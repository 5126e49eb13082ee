/**
 * Severity A / B / C from impact × urgency, after the Microsoft Managed Desktop support-request
 * severity definitions:
 *   A – critical business impact: significant loss or degradation of service, needs immediate attention;
 *   B – moderate business impact: loss or degradation, but work can reasonably continue impaired;
 *   C – minimal business impact: the business functions with minor impediments.
 * The matrix below is the only place the mapping is written; the README prints it.
 */
import { literalGuard, literalParser } from './errors';

export const IMPACTS = ['me', 'team', 'business-unit', 'organisation'] as const;
export type Impact = (typeof IMPACTS)[number];
export const isImpact = literalGuard(IMPACTS);
export const parseImpact = literalParser('impact', IMPACTS);

export const URGENCIES = ['blocked', 'workaround'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const isUrgency = literalGuard(URGENCIES);
export const parseUrgency = literalParser('urgency', URGENCIES);

/** Most severe first. */
export const SEVERITIES = ['A', 'B', 'C'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const isSeverity = literalGuard(SEVERITIES);
export const parseSeverity = literalParser('severity', SEVERITIES);

export const IMPACT_LABELS: Readonly<Record<Impact, string>> = {
  me: 'Just me',
  team: 'My team',
  'business-unit': 'My business unit',
  organisation: 'The whole organisation',
};

export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  blocked: "Blocked, there's no workaround",
  workaround: 'A workaround exists',
};

export interface SeverityDefinition {
  readonly severity: Severity;
  /** "Sev A" */
  readonly shortLabel: string;
  /** "Critical impact" */
  readonly name: string;
  readonly description: string;
}

export const SEVERITY_DEFINITIONS: Readonly<Record<Severity, SeverityDefinition>> = {
  A: {
    severity: 'A',
    shortLabel: 'Sev A',
    name: 'Critical impact',
    description: 'Significant loss or degradation of service for the business; needs immediate attention.',
  },
  B: {
    severity: 'B',
    shortLabel: 'Sev B',
    name: 'Moderate impact',
    description: 'Loss or degradation of service, but work can reasonably continue in an impaired way.',
  },
  C: {
    severity: 'C',
    shortLabel: 'Sev C',
    name: 'Minimal impact',
    description: 'The business functions with minor impediments.',
  },
};

/**
 * Rows: impact; columns: urgency.
 * Following Managed Desktop's definitions: only the whole organisation blocked is critical business
 * impact (A); "a specific business group is no longer productive" is moderate (B), so a blocked team
 * or business unit is B, as is a business unit or the organisation working around it; one person,
 * or a team that can work around it, is a minor impediment to the business (C).
 */
export const SEVERITY_MATRIX: Readonly<Record<Impact, Readonly<Record<Urgency, Severity>>>> = {
  me: { blocked: 'C', workaround: 'C' },
  team: { blocked: 'B', workaround: 'C' },
  'business-unit': { blocked: 'B', workaround: 'B' },
  organisation: { blocked: 'A', workaround: 'B' },
};

export function severityOf(impact: Impact, urgency: Urgency): Severity {
  return SEVERITY_MATRIX[impact][urgency];
}

/** Negative when `a` is more severe than `b`; sorts most severe first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export function isMoreSevere(a: Severity, b: Severity): boolean {
  return compareSeverity(a, b) < 0;
}

/** The severity matrix as a Markdown table, for the README. */
export function severityMatrixMarkdown(): string {
  const header = `| impact \\ urgency | ${URGENCIES.map((u) => URGENCY_LABELS[u]).join(' | ')} |`;
  const rule = `| --- | ${URGENCIES.map(() => '---').join(' | ')} |`;
  const rows = IMPACTS.map(
    (i) =>
      `| ${IMPACT_LABELS[i]} | ${URGENCIES.map((u) => {
        const s = SEVERITY_DEFINITIONS[severityOf(i, u)];
        return `${s.shortLabel} (${s.name.toLowerCase()})`;
      }).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
