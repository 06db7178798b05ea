// Counts shared by the text, markdown and HTML reports.
import type { ScanResult } from '../scan/scan';

export interface Counts {
  total: number;
  bySeverity: Record<string, number>;
  byCategory: [string, number][];
  byRule: [string, number][];
}

export function countFindings(result: ScanResult): Counts {
  const bySeverity: Record<string, number> = { error: 0, warning: 0, info: 0 };
  const byCategory = new Map<string, number>();
  const byRule = new Map<string, number>();
  for (const finding of result.findings) {
    bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
    if (finding.category) byCategory.set(finding.category, (byCategory.get(finding.category) ?? 0) + 1);
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { total: result.findings.length, bySeverity, byCategory: sorted(byCategory), byRule: sorted(byRule) };
}
