// Turns the walker's sink flows into findings: applies retention (declared, technical, catalog),
// one finding per (sink call, category), then invalid retention tags and suppressions.
import { categoryInfo } from './categories';
import type { CommentIndex } from './comments';
import { RETENTION_TAG_PATTERN } from './comments';
import { isForbidden, type EngineCatalog } from './catalog/engineCatalog';
import { RULE_FOR_SINK, RULES, renderMessage, type Finding, type RuleId } from './findings';
import type { SinkFlow } from './flow/walker';
import { isValidRetention, retentionSeconds } from './retention/duration';
import type { Retention, Span } from './types';

export interface BuildOptions {
  catalog?: EngineCatalog;
  today: string;
  /** The file analysed: a technical expiry configured in another file is reported at the sink instead. */
  filePath?: string;
}

const MAX_DATA_TEXT = 60;

export function buildFindings(flows: readonly SinkFlow[], comments: CommentIndex, options: BuildOptions): Finding[] {
  const findings = new Map<string, Finding>();
  const exceeded = new Map<string, Finding>();
  const mismatches = new Map<string, Finding>();
  for (const flow of flows) {
    const { item } = flow;
    const policy = options.catalog?.policyFor(item.category, flow.kind);
    const forbidden = isForbidden(policy);
    const declaredInCode = item.retention ?? flow.siteRetention;
    const retention = forbidden ? undefined : declaredInCode ?? flow.expiry ?? policy;
    if (retention) {
      const tooLong = declaredInCode && exceedsMaximum(declaredInCode, item.category, options.catalog);
      if (tooLong && !exceeded.has(tooLong.key)) exceeded.set(tooLong.key, tooLong.finding);
      if (flow.expiry) {
        for (const mismatch of retentionMismatches(flow, flow.expiry, declaredInCode ?? policy, options)) {
          if (!mismatches.has(mismatch.key)) mismatches.set(mismatch.key, mismatch.finding);
        }
      }
      continue;
    }
    const key = `${flow.span.start.line}:${flow.span.start.column}:${item.category}:${flow.kind}`;
    const existing = findings.get(key);
    if (existing) {
      addRelated(existing, sourceRelated(flow));
      continue;
    }
    const ruleId = forbidden ? 'forbidden-sink' : RULE_FOR_SINK[flow.kind];
    const data = { data: shorten(item.origin.text), category: categoryLabel(item.category), sink: flow.sink };
    findings.set(key, {
      ruleId,
      severity: RULES[ruleId].severity,
      message: renderMessage(ruleId, data),
      messageData: { ...data, categoryId: item.category, sinkKind: flow.kind },
      span: flow.span,
      category: item.category,
      sinkKind: flow.kind,
      sinkFamily: flow.family,
      sink: flow.sink,
      source: { span: item.origin.span, text: item.origin.text, reason: item.reason, ...(item.declaration ? { declaration: item.declaration } : {}) },
      steps: item.steps,
      ...(flow.functionAnchor ? { functionAnchor: flow.functionAnchor } : {}),
      ...(flow.expiry ? { expiry: flow.expiry } : {}),
      ...(flow.redactedBy?.length ? { redactedBy: flow.redactedBy } : {}),
      related: [...sourceRelated(flow), ...flow.via.map((step) => ({ span: step.span, message: `passed on to ${step.sink} here` }))],
    });
  }
  const all = [...findings.values(), ...exceeded.values(), ...mismatches.values(), ...invalidRetentionFindings(comments)];
  return applySeverity(applySuppressions(all, comments, options.today), options.catalog).sort(byPosition);
}

/** A retention declared in code that is longer than the catalog allows, reported at the declaration. */
function exceedsMaximum(retention: Retention, category: string, catalog: EngineCatalog | undefined): { key: string; finding: Finding } | undefined {
  if (!retention.span || !catalog) return undefined;
  const max = catalog.maxRetentionFor(category);
  const seconds = retentionSeconds(retention.value);
  if (!max || seconds === undefined || seconds <= max.seconds) return undefined;
  const finding = simpleFinding('retention-exceeds-maximum', retention.span, { value: retention.value, category: categoryLabel(category), max: max.value });
  finding.category = category;
  return { key: `${retention.span.start.line}:${retention.span.start.column}:${category}`, finding };
}

/**
 * A technical expiry that keeps the data longer than what is declared for it (a `@retention`, a
 * catalog policy) or than the catalog's maxRetention: reported once per (configuration,
 * declaration), at the configuration when it is in this file, else at the sink that uses it. An
 * expiry shorter than the declaration is no mismatch: the declaration is an upper bound, and
 * the data is gone sooner. Expiries of unknown length and `session` are not compared.
 */
function retentionMismatches(flow: SinkFlow, technical: Retention, declared: Retention | undefined, options: BuildOptions): { key: string; finding: Finding }[] {
  const technicalSeconds = technical.value === 'session' ? undefined : retentionSeconds(technical.value);
  if (technicalSeconds === undefined) return [];
  const { category } = flow.item;
  const sides: Retention[] = [];
  const declaredSeconds = declared && !isForbidden(declared) ? retentionSeconds(declared.value) : undefined;
  if (declared && declaredSeconds !== undefined && technicalSeconds > declaredSeconds) sides.push(declared);
  const max = options.catalog?.maxRetentionFor(category);
  if (max && technicalSeconds > max.seconds) sides.push({ value: max.value, declaredBy: `the catalog's maxRetention for ${categoryLabel(max.category)}` });
  const here = !technical.file || technical.file === options.filePath;
  const span = here && technical.span ? technical.span : flow.span;
  return sides.map((side) => {
    const data = { technicalBy: technical.declaredBy, technical: technical.value, category: categoryLabel(category), declared: side.value, declaredBy: side.declaredBy };
    const finding = simpleFinding('retention-mismatch', span, data);
    finding.category = category;
    finding.sinkFamily = flow.family;
    finding.sink = flow.sink;
    finding.expiry = technical;
    finding.retention = side;
    if (!sameSpan(span, flow.span)) finding.related.push({ span: flow.span, message: `${flow.sink} writes ${categoryLabel(category)} here` });
    return { key: `${technical.declaredBy}\u0000${side.declaredBy}`, finding };
  });
}

function applySeverity(findings: Finding[], catalog: EngineCatalog | undefined): Finding[] {
  if (!catalog) return findings;
  const result: Finding[] = [];
  for (const finding of findings) {
    const severity = catalog.severityFor(finding.ruleId);
    if (severity === 'off') continue;
    result.push(severity ? { ...finding, severity } : finding);
  }
  return result;
}

function sourceRelated(flow: SinkFlow): Finding['related'] {
  const related: Finding['related'] = [];
  const { item } = flow;
  if (item.origin.span.start.line > 0) related.push({ span: item.origin.span, message: `${shorten(item.origin.text)}: ${categoryLabel(item.category)} comes from here` });
  if (item.declaration && !sameSpan(item.declaration.span, item.origin.span)) {
    related.push({ span: item.declaration.span, message: `${item.declaration.name} is declared here` });
  }
  return related;
}

function addRelated(finding: Finding, related: Finding['related']): void {
  for (const location of related) {
    if (finding.related.length >= 8) return;
    if (!finding.related.some((existing) => sameSpan(existing.span, location.span))) finding.related.push(location);
  }
}

function invalidRetentionFindings(comments: CommentIndex): Finding[] {
  const result: Finding[] = [];
  for (const comment of comments.all) {
    const pattern = new RegExp(RETENTION_TAG_PATTERN.source, 'g');
    for (const match of comment.value.matchAll(pattern)) {
      const value = match[1];
      if (isValidRetention(value)) continue;
      result.push(simpleFinding('invalid-retention', comment.loc, { value }));
    }
  }
  return result;
}

function applySuppressions(findings: Finding[], comments: CommentIndex, today: string): Finding[] {
  const suppressions = comments.suppressions();
  if (!suppressions.length) return findings;
  const kept: Finding[] = [];
  const problems: Finding[] = [];
  const expired = new Set<number>();
  for (const suppression of suppressions) {
    const rules = suppression.ruleIds.join(', ') || 'all rules';
    if (suppression.until && suppression.until < today) {
      expired.add(suppression.targetLine);
      problems.push(simpleFinding('suppression-expired', suppression.comment.loc, { rules, until: suppression.until }));
    } else if (!suppression.reason) {
      problems.push(simpleFinding('suppression-missing-reason', suppression.comment.loc, { rules }));
    }
  }
  for (const finding of findings) {
    const line = finding.span.start.line;
    const suppressed = suppressions.some(
      (suppression) =>
        suppression.targetLine === line &&
        !expired.has(line) &&
        (suppression.ruleIds.length === 0 || suppression.ruleIds.includes(finding.ruleId)),
    );
    if (!suppressed) kept.push(finding);
  }
  return [...kept, ...problems];
}

function simpleFinding(ruleId: RuleId, span: Span, data: Record<string, string>): Finding {
  return { ruleId, severity: RULES[ruleId].severity, message: renderMessage(ruleId, data), messageData: data, span, related: [] };
}

function categoryLabel(id: string): string {
  return categoryInfo(id)?.label ?? id;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_DATA_TEXT ? `${oneLine.slice(0, MAX_DATA_TEXT - 1)}…` : oneLine;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start.line === b.start.line && a.start.column === b.start.column;
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || a.ruleId.localeCompare(b.ruleId);
}
