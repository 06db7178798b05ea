// The catalog file's shape: the source of truth the JSON Schema is checked against.
import type { SinkKind } from '../types';

export type PolicySink = SinkKind | '*';
/** ISO-8601 duration, `session`, `indefinite`, `forbidden`, or `undecided` (written by `catalog init`). */
export type PolicyRetention = string;
export type RuleSeverity = 'error' | 'warning' | 'info' | 'off';

export interface CatalogCategory {
  id: string;
  label?: string;
  /** A built-in or catalog category this one refines: it inherits its policies. */
  parent?: string;
  /** Identifier spellings that name this data: `loyaltyNumber`, `memberNo`. */
  names?: string[];
  /** `Type.member` references: `Customer.loyaltyNumber`. */
  fields?: string[];
}

export interface CatalogPolicy {
  category: string;
  sink: PolicySink;
  retention: PolicyRetention;
  reason?: string;
}

export interface CatalogFile {
  $schema?: string;
  version: 1;
  categories?: CatalogCategory[];
  policies?: CatalogPolicy[];
  /** Longest retention allowed per category (ISO-8601 duration). */
  maxRetention?: Record<string, string>;
  /** Extra sanitizer function names. */
  sanitizers?: string[];
  /** Globs of files not to scan. */
  ignore?: string[];
  /** Severity per rule id, or `off`. */
  severity?: Record<string, RuleSeverity>;
}

export const POLICY_SINKS: readonly PolicySink[] = ['log', 'storage', 'third-party', '*'];
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'off'];
/** A policy that `catalog init` wrote and the team has not decided yet. */
export const UNDECIDED = 'undecided';
export const FORBIDDEN = 'forbidden';
