// The data map: which personal data (categories, down) reaches which kind of sink (across), how
// often, and what retention the catalog declares for it. Shared by the HTML and Markdown reports.
import { categoryInfo } from '../core/categories';
import { SINK_KINDS, type SinkKind } from '../core/types';
import type { LoadedCatalog } from '../scan/catalogFile';
import type { FileFinding, ScanResult } from '../scan/scan';

export const NO_RETENTION = 'none declared';

export interface DataMapCell {
  sinkKind: SinkKind;
  /** Findings (no declared retention) that fail the run. */
  findings: number;
  /** Findings that a baseline lets pass. */
  baselined: number;
  /** Every flow of this data into this kind of sink, declared or not. */
  flows: number;
  /** The catalog policy's retention (ISO-8601, session, indefinite, forbidden), or NO_RETENTION. */
  retention: string;
  /** Where the retention was declared, for a tooltip. */
  declaredBy?: string;
}

export interface DataMapRow {
  category: string;
  label: string;
  /** fideslang key of the category or of its nearest built-in ancestor. */
  fideslang?: string;
  cells: DataMapCell[];
}

export interface DataMap {
  sinkKinds: readonly SinkKind[];
  rows: DataMapRow[];
}

export interface DataMapOptions {
  catalog?: LoadedCatalog;
  /** Findings a baseline matched (not in result.findings). */
  baselined?: readonly FileFinding[];
}

export function buildDataMap(result: ScanResult, options: DataMapOptions = {}): DataMap {
  const cells = new Map<string, Map<SinkKind, DataMapCell>>();
  const cellOf = (category: string, sinkKind: SinkKind): DataMapCell => {
    let row = cells.get(category);
    if (!row) {
      row = new Map(SINK_KINDS.map((kind) => [kind, emptyCell(category, kind, options.catalog)]));
      cells.set(category, row);
    }
    return row.get(sinkKind)!;
  };
  for (const finding of result.findings) if (finding.category && finding.sinkKind) cellOf(finding.category, finding.sinkKind).findings++;
  for (const finding of options.baselined ?? []) if (finding.category && finding.sinkKind) cellOf(finding.category, finding.sinkKind).baselined++;
  for (const flow of result.dataFlows) cellOf(flow.category, flow.sinkKind).flows++;
  const rows = [...cells].map(([category, row]) => ({ category, ...describe(category, options.catalog), cells: SINK_KINDS.map((kind) => row.get(kind)!) }));
  const weight = (row: DataMapRow) => row.cells.reduce((sum, cell) => sum + cell.findings + cell.baselined, 0);
  const flows = (row: DataMapRow) => row.cells.reduce((sum, cell) => sum + cell.flows, 0);
  rows.sort((a, b) => weight(b) - weight(a) || flows(b) - flows(a) || a.label.localeCompare(b.label));
  return { sinkKinds: SINK_KINDS, rows };
}

/** The findings of one cell, for "click a cell, see its findings". */
export function inCell(finding: FileFinding, category: string, sinkKind: SinkKind): boolean {
  return finding.category === category && finding.sinkKind === sinkKind;
}

function emptyCell(category: string, sinkKind: SinkKind, catalog: LoadedCatalog | undefined): DataMapCell {
  const policy = catalog?.engine.policyFor(category, sinkKind);
  return { sinkKind, findings: 0, baselined: 0, flows: 0, retention: policy?.value ?? NO_RETENTION, ...(policy ? { declaredBy: policy.declaredBy } : {}) };
}

function describe(category: string, catalog: LoadedCatalog | undefined): { label: string; fideslang?: string } {
  const builtin = categoryInfo(category);
  if (builtin) return { label: builtin.label, fideslang: builtin.fideslang };
  const declared = catalog?.file.categories?.find((entry) => entry.id === category);
  const ancestor = catalog?.engine.lineage(category).map((id) => categoryInfo(id)).find(Boolean);
  return { label: declared?.label ?? category, ...(ancestor ? { fideslang: ancestor.fideslang } : {}) };
}
