// Shared vocabulary of the engine. Nothing here imports a front end.

/** Built-in category ids of the contract; a catalog may add more (any string). */
export const BUILTIN_CATEGORY_IDS = [
  'ip_address',
  'payment_card',
  'phone_number',
  'email',
  'person_name',
  'postal_address',
  'device_id',
  'username',
  'precise_location',
  'government_id',
  'date_of_birth',
  'bank_account',
] as const;
export type BuiltinCategoryId = (typeof BUILTIN_CATEGORY_IDS)[number];
export type CategoryId = string;

export type SinkKind = 'log' | 'storage' | 'third-party';
export const SINK_KINDS: readonly SinkKind[] = ['log', 'storage', 'third-party'];

/** 1-based line, 0-based column, as ESTree `loc` gives them. */
export interface Position {
  line: number;
  column: number;
}
export interface Span {
  start: Position;
  end: Position;
}

/** Why a name or expression was judged personal data. */
export type ClassificationReason =
  | { kind: 'name'; token: string } // the identifier's words matched a category rule
  | { kind: 'annotation' } // `@pii <category>` on the declaration
  | { kind: 'catalog'; entry: string } // a catalog category's `names` or `fields`
  | { kind: 'declared-type'; typeName: string; member: string } // a member of a declared type
  | { kind: 'framework'; source: string }; // req.ip, x-forwarded-for, geolocation coords …

/** A retention declaration: ISO-8601 duration, `session`, `indefinite` (or `forbidden` from a catalog). */
export interface Retention {
  value: string;
  /** Where it was declared, e.g. "@retention on User.email", "Redis EX", "catalog policy". */
  declaredBy: string;
  span?: Span;
  /**
   * The file `span` is in, when it may be another file than the one analysed: a logger's rotation
   * or a client's TTL configured where the logger or client is created (workspace-relative path).
   */
  file?: string;
}

/**
 * A sink's own configuration that removes or masks fields before it writes: pino `redact`, a
 * winston `format` transform, Sentry `beforeSend` / `beforeBreadcrumb`. For the hover.
 */
export interface RedactionInfo {
  /** What configured it and where: "pino redact at src/logger.ts:4". */
  declaredBy: string;
  /** The paths it removes or masks, as written there: 'user.email', '*.phone', 'extra.email'. */
  paths: readonly string[];
}
