// `privacy-review catalog init|check`: write a starting catalog from a scan; report drift between
// the catalog and the code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { categoryInfo } from '../core/categories';
import { RULES, renderMessage, type RuleId } from '../core/findings';
import { UNDECIDED } from '../core/catalog/types';
import { CATALOG_FILE_NAME, type LoadedCatalog } from '../scan/catalogFile';
import type { FileFinding, ScanResult } from '../scan/scan';
import type { Span } from '../core/types';

/** A catalog listing every category the scan found, with a policy per (category, sink) left undecided. */
export function initialCatalogText(result: ScanResult): string {
  const flowsByCategory = new Map<string, Map<string, { count: number; example: string }>>();
  for (const flow of result.dataFlows) {
    const sinks = flowsByCategory.get(flow.category) ?? new Map();
    const entry = sinks.get(flow.sinkKind) ?? { count: 0, example: `${flow.file}:${flow.line}` };
    entry.count++;
    sinks.set(flow.sinkKind, entry);
    flowsByCategory.set(flow.category, sinks);
  }
  const categories = [...flowsByCategory.keys()].sort();
  const lines: string[] = [
    '// Privacy Review data catalog: which personal data this code handles and how long it may be kept.',
    '// Written by `privacy-review catalog init` from a scan. Every retention is "undecided": decide each one',
    '// (an ISO-8601 duration such as P30D, session, indefinite, or forbidden); `privacy-review catalog check`',
    '// reports the ones still undecided.',
    '{',
    '  "version": 1,',
    '  "categories": [',
  ];
  categories.forEach((category, index) => {
    const where = [...flowsByCategory.get(category)!].map(([sink, { count }]) => `${sink}: ${count}`).join(', ');
    const label = categoryInfo(category)?.label ?? category;
    lines.push(`    { "id": ${JSON.stringify(category)}, "label": ${JSON.stringify(label)} }${index < categories.length - 1 ? ',' : ''} // flows to ${where}`);
  });
  lines.push('  ],', '  "policies": [');
  const policies = categories.flatMap((category) =>
    [...flowsByCategory.get(category)!].sort().map(([sink, { count, example }]) => ({ category, sink, count, example })),
  );
  policies.forEach((policy, index) => {
    const reason = `${policy.count} flow${policy.count === 1 ? '' : 's'} found, e.g. ${policy.example}`;
    lines.push(
      `    { "category": ${JSON.stringify(policy.category)}, "sink": ${JSON.stringify(policy.sink)}, "retention": "${UNDECIDED}", "reason": ${JSON.stringify(reason)} }${index < policies.length - 1 ? ',' : ''}`,
    );
  });
  lines.push('  ],', '  "maxRetention": {},', '  "sanitizers": [],', '  "ignore": []', '}');
  return `${lines.join('\n')}\n`;
}

export function defaultCatalogPath(root: string): string {
  return path.join(root, CATALOG_FILE_NAME);
}

export function catalogExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Drift between catalog and code, as findings (in the catalog file, or at the first flow in code). */
export function catalogDrift(result: ScanResult, catalog: LoadedCatalog): FileFinding[] {
  const catalogFile = result.catalogPath ?? CATALOG_FILE_NAME;
  const findings: FileFinding[] = [];
  const at = (keyPath: (string | number)[]): Span => {
    const { line, column } = catalog.locate(keyPath);
    return { start: { line, column: column - 1 }, end: { line, column: column - 1 } };
  };
  const push = (ruleId: RuleId, file: string, span: Span, data: Record<string, string>, category?: string) => {
    const severity = catalog.engine.severityFor(ruleId);
    if (severity === 'off') return;
    findings.push({ ruleId, severity: severity ?? RULES[ruleId].severity, message: renderMessage(ruleId, data), messageData: data, span, related: [], file, ...(category ? { category } : {}) });
  };

  (catalog.file.categories ?? []).forEach((category, categoryIndex) => {
    (category.fields ?? []).forEach((field, fieldIndex) => {
      if (!result.declaredMembers.has(field)) {
        push('catalog-drift', catalogFile, at(['categories', categoryIndex, 'fields', fieldIndex]), {
          detail: `Field ${field} of category "${category.id}" is not declared in any scanned file.`,
        }, category.id);
      }
    });
  });

  const declared = new Set([...(catalog.file.categories ?? []).map((category) => category.id), ...(catalog.file.policies ?? []).map((policy) => policy.category)]);
  const undeclared = new Map<string, { flow: ScanResult['dataFlows'][number]; sinks: Set<string> }>();
  for (const flow of result.dataFlows) {
    if (catalog.engine.lineage(flow.category).some((category) => declared.has(category))) continue;
    const entry = undeclared.get(flow.category) ?? { flow, sinks: new Set<string>() };
    entry.sinks.add(flow.sinkKind);
    undeclared.set(flow.category, entry);
  }
  for (const [category, { flow, sinks }] of undeclared) {
    push('undeclared-personal-data', flow.file, { start: { line: flow.line, column: 0 }, end: { line: flow.line, column: 0 } }, {
      category: categoryInfo(category)?.label ?? category,
      sinkKind: [...sinks].sort().join('/'),
    }, category);
  }

  (catalog.file.policies ?? []).forEach((policy, index) => {
    if (policy.retention === UNDECIDED) {
      push('catalog-drift', catalogFile, at(['policies', index, 'retention']), {
        detail: `Retention for ${policy.category} in ${policy.sink} sinks is still undecided.`,
      }, policy.category);
    }
    const used = result.dataFlows.some(
      (flow) => (policy.sink === '*' || policy.sink === flow.sinkKind) && catalog.engine.lineage(flow.category).includes(policy.category),
    );
    if (!used) {
      push('catalog-drift', catalogFile, at(['policies', index]), {
        detail: `Policy for ${policy.category} in ${policy.sink === '*' ? 'any' : policy.sink} sinks is used by no flow in the code.`,
      }, policy.category);
    }
  });
  return findings;
}
