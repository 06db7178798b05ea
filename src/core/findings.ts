// Findings: rule ids, severities and messages keyed by id, rendered the same for every front end.
import type { CategoryId, ClassificationReason, Position, RedactionInfo, Retention, SinkKind, Span } from './types';

export const RULES = {
  'personal-data-logged': {
    severity: 'warning',
    description: 'Personal data is written to a log without a declared retention policy.',
    message: '{{data}} ({{category}}) is logged by {{sink}} with no declared retention.',
    help: 'Declare how long it is kept (`@retention P30D` on its declaration or the function, or a catalog policy), mask it, or mark the declaration `@pii none`.',
  },
  'personal-data-stored': {
    severity: 'warning',
    description: 'Personal data is stored without a declared retention policy or technical expiry.',
    message: '{{data}} ({{category}}) is stored by {{sink}} with no declared retention.',
    help: 'Set an expiry at the store (Redis EX, cookie maxAge, a TTL index), declare `@retention`, add a catalog policy, or store a masked/hashed value.',
  },
  'personal-data-shared': {
    severity: 'warning',
    description: 'Personal data is sent to a third-party analytics or tracking service without a declared retention policy.',
    message: '{{data}} ({{category}}) is sent to {{sink}} with no declared retention.',
    help: 'Send a pseudonymous id instead, or declare the retention the vendor applies (`@retention` or a catalog policy).',
  },
  'invalid-retention': {
    severity: 'error',
    description: 'A @retention value is not an ISO-8601 duration, `session` or `indefinite`.',
    message: '@retention value "{{value}}" is not an ISO-8601 duration (P30D, P1Y, PT12H), `session` or `indefinite`.',
    help: 'Write the retention as an ISO-8601 duration such as P30D, or `session`, or `indefinite`.',
  },
  'forbidden-sink': {
    severity: 'error',
    description: 'Personal data reaches a sink that the catalog forbids for its category.',
    message: '{{data}} ({{category}}) reaches {{sink}}, which the catalog forbids for this category.',
    help: 'Do not send this data there: drop or sanitize it first. A @retention in code does not lift a catalog prohibition.',
  },
  'retention-exceeds-maximum': {
    severity: 'warning',
    description: 'A declared retention is longer than the catalog\'s maxRetention for the category.',
    message: 'Retention {{value}} for {{category}} is longer than the catalog maximum {{max}}.',
    help: 'Shorten the retention to at most the catalog\'s maxRetention, or change the catalog after review.',
  },
  'retention-mismatch': {
    severity: 'warning',
    description: 'A technical retention (log rotation, TTL, expiry) keeps personal data longer than the retention declared for it.',
    message: '{{technicalBy}} keeps {{category}} for {{technical}}, longer than the {{declared}} declared by {{declaredBy}}.',
    help: 'Make the two agree: shorten the rotation or TTL to at most the declared retention, or correct the declaration (`@retention`, catalog policy or maxRetention) after review.',
  },
  'undeclared-personal-data': {
    severity: 'warning',
    description: 'Personal data found in code belongs to no category the catalog declares.',
    message: '{{category}} reaches {{sinkKind}} sinks in code, but the catalog declares no such category or policy.',
    help: 'Add the category (and its policies) to privacy-catalog.json, or remove the flow.',
  },
  'catalog-drift': {
    severity: 'warning',
    description: 'The catalog names something the code no longer has, a policy no flow uses, or a retention left undecided.',
    message: '{{detail}}',
    help: 'Bring privacy-catalog.json up to date with the code.',
  },
  'suppression-missing-reason': {
    severity: 'warning',
    description: 'A privacy-review-disable-next-line comment gives no reason.',
    message: 'Suppression of {{rules}} gives no reason; write one after "--".',
    help: 'Write `// privacy-review-disable-next-line <rule-id> -- <reason> [until=YYYY-MM-DD]`.',
  },
  'suppression-expired': {
    severity: 'warning',
    description: 'A suppression whose until= date has passed no longer applies.',
    message: 'Suppression of {{rules}} expired on {{until}}; the finding below it is reported again.',
    help: 'Fix the finding, or renew the suppression with a new date and reason.',
  },
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning' | 'info';
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const DOCS_BASE_URL = 'https://github.com/privacy-review/privacy-review/blob/main/docs/rules/';
export function ruleDocsUrl(ruleId: RuleId): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export const RULE_FOR_SINK: Record<SinkKind, RuleId> = {
  log: 'personal-data-logged',
  storage: 'personal-data-stored',
  'third-party': 'personal-data-shared',
};

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** One line that stands alone, then the help. */
  message: string;
  messageData: Record<string, string>;
  /** Where it is reported: the sink call, or the comment/declaration for the other rules. */
  span: Span;
  category?: CategoryId;
  sinkKind?: SinkKind;
  /** Library family of the sink: 'winston', 'prisma', 'console' … */
  sinkFamily?: string;
  /** The sink's callee as written, e.g. `logger.info` or `audit → logger.info`. */
  sink?: string;
  /** Where the data came from and why it is personal. */
  source?: { span: Span; text: string; reason: ClassificationReason; declaration?: { span: Span; name: string; anchor?: Position } };
  /** The nearest enclosing named function, where a `@retention` JSDoc would cover the sink. */
  functionAnchor?: { position: Position; name: string };
  /** Names the value went through. */
  steps?: readonly string[];
  related: RelatedLocation[];
  /** For the hover: what retention was looked for; for `retention-mismatch`, the declared side. */
  retention?: Retention;
  /**
   * The sink's technical expiry (Redis EX, cookie maxAge, log rotation, a client's TTL), with
   * `declaredBy` naming where it is configured (file:line when in another file). For
   * `retention-mismatch`, the technical side; on a `forbidden-sink` finding, the expiry that did
   * not lift the prohibition.
   */
  expiry?: Retention;
  /**
   * Redaction the sink's configuration applies (pino `redact`, a winston format, Sentry
   * `beforeSend`): what it removes and where it is configured. The finding is for data it leaves in.
   */
  redactedBy?: readonly RedactionInfo[];
}

export function renderMessage(ruleId: RuleId, data: Record<string, string>): string {
  return RULES[ruleId].message.replace(/\{\{(\w+)\}\}/g, (_, key: string) => data[key] ?? `{{${key}}}`);
}
