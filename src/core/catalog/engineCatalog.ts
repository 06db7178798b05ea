// The catalog as the engine uses it: names, fields, sanitizers, and retention per (category, sink)
// with inheritance from parent categories.
import type { ExtraNameRules } from '../categories';
import type { RuleId, Severity } from '../findings';
import { retentionSeconds } from '../retention/duration';
import type { CategoryId, Retention, SinkKind } from '../types';
import { FORBIDDEN, UNDECIDED, type CatalogFile, type CatalogPolicy } from './types';

export interface EngineCatalog {
  extraNames?: ExtraNameRules;
  /** 'Type.member' → category. */
  fields?: ReadonlyMap<string, CategoryId>;
  sanitizers?: readonly string[];
  /** The policy that declares retention for (category or an ancestor, sink kind); value `forbidden` forbids it. */
  policyFor(category: CategoryId, kind: SinkKind): Retention | undefined;
  /** The longest retention allowed for the category (or its nearest ancestor that sets one). */
  maxRetentionFor(category: CategoryId): { value: string; seconds: number; category: CategoryId } | undefined;
  /** Severity override for a rule; 'off' drops its findings. */
  severityFor(ruleId: RuleId): Severity | 'off' | undefined;
  /** The category and its ancestors, nearest first. */
  lineage(category: CategoryId): CategoryId[];
}

/** Where things were declared in the catalog file, for messages: a label such as "privacy-catalog.json:12". */
export type CatalogLocator = (path: (string | number)[]) => string;

export function createEngineCatalog(file: CatalogFile, locate: CatalogLocator = () => 'privacy-catalog.json'): EngineCatalog {
  const categories = file.categories ?? [];
  const parentOf = new Map(categories.filter((category) => category.parent).map((category) => [category.id, category.parent!]));
  const fields = new Map<string, CategoryId>();
  for (const category of categories) for (const field of category.fields ?? []) fields.set(field, category.id);
  const policies = file.policies ?? [];
  const policyIndex = new Map<string, { policy: CatalogPolicy; index: number }>();
  policies.forEach((policy, index) => {
    const key = `${policy.category}\u0000${policy.sink}`;
    if (!policyIndex.has(key)) policyIndex.set(key, { policy, index });
  });

  const lineages = new Map<CategoryId, CategoryId[]>();
  const lineage = (category: CategoryId): CategoryId[] => {
    const cached = lineages.get(category);
    if (cached) return cached;
    const chain = [category];
    const seen = new Set(chain);
    for (let parent = parentOf.get(category); parent && !seen.has(parent); parent = parentOf.get(parent)) {
      chain.push(parent);
      seen.add(parent);
    }
    lineages.set(category, chain);
    return chain;
  };

  return {
    extraNames: categories.filter((category) => category.names?.length).map((category) => ({ category: category.id, names: category.names! })),
    fields,
    sanitizers: file.sanitizers ?? [],
    lineage,
    policyFor(category, kind) {
      for (const level of lineage(category)) {
        for (const sink of [kind, '*']) {
          const found = policyIndex.get(`${level}\u0000${sink}`);
          if (!found || found.policy.retention === UNDECIDED) continue;
          const where = locate(['policies', found.index, 'retention']);
          return {
            value: found.policy.retention,
            declaredBy: `catalog policy (${level}, ${sink}) at ${where}${found.policy.reason ? `: ${found.policy.reason}` : ''}`,
          };
        }
      }
      return undefined;
    },
    maxRetentionFor(category) {
      for (const level of lineage(category)) {
        const value = file.maxRetention?.[level];
        const seconds = value ? retentionSeconds(value) : undefined;
        if (value && seconds !== undefined) return { value, seconds, category: level };
      }
      return undefined;
    },
    severityFor(ruleId) {
      return file.severity?.[ruleId];
    },
  };
}

export function isForbidden(retention: Retention | undefined): boolean {
  return retention?.value === FORBIDDEN;
}
