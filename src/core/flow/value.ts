// The abstract value the flow analysis computes for an expression: which personal data it
// carries, field by field where the shape is known, and which parameters it depends on.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CategoryId, ClassificationReason, Position, Retention, Span } from '../types';
import type { RedactionEdits } from './redaction';

export interface TaintItem {
  category: CategoryId;
  reason: ClassificationReason;
  /** The expression where the data was recognised (`req.ip`, `user.email`, `phone`). */
  origin: { span: Span; text: string };
  /** The declaration that made it personal (a member, variable or parameter), if any. */
  declaration?: Declaration;
  /** Retention declared on that declaration. */
  retention?: Retention;
  /** Names the value passed through, for the hover's flow: ['ip', 'entry', 'payload']. */
  steps: readonly string[];
}

export interface Declaration {
  span: Span;
  name: string;
  /** Where a JSDoc for it goes (before decorators and `export`): quick fixes insert there. */
  anchor?: Position;
}

/** "This value is (part of) the function's parameter N": resolved at each call site. */
export interface ParamMarker {
  /** The function whose parameter it is. */
  fn: TSESTree.Node;
  param: number;
  path: readonly string[];
  /** What a sink's redaction still removes from the argument passed here (see redaction.ts). */
  redact?: readonly RedactionEdits[];
}

export interface Value {
  items: readonly TaintItem[];
  fields?: ReadonlyMap<string, Value>;
  markers?: readonly ParamMarker[];
  /** Came out of a sanitizer: the holder's name must not make it personal again. */
  sanitized?: boolean;
  /** A literal constant: not a person's data whatever it is called. */
  constant?: boolean;
}

export const EMPTY: Value = { items: [] };
export const SANITIZED: Value = { items: [], sanitized: true };
export const CONSTANT: Value = { items: [], constant: true };

const MAX_FLATTEN_DEPTH = 6;

export function isEmpty(value: Value): boolean {
  return value.items.length === 0 && !value.fields?.size && !value.markers?.length;
}

export function union(...values: Value[]): Value {
  return unionAll(values);
}

/** `union` over an array: no spread, so a 100,000-element array literal cannot overflow the stack. */
export function unionAll(values: readonly Value[]): Value {
  const present = values.filter((value) => !isEmpty(value));
  if (present.length === 0) {
    return values.every((value) => value.constant) && values.length > 0
      ? CONSTANT
      : values.some((value) => value.sanitized) && values.every((v) => v.sanitized || v.constant)
        ? SANITIZED
        : EMPTY;
  }
  if (present.length === 1) return present[0];
  const items: TaintItem[] = [];
  const markers: ParamMarker[] = [];
  for (const value of present) {
    for (const item of value.items) items.push(item);
    for (const marker of value.markers ?? []) markers.push(marker);
  }
  let fields: Map<string, Value> | undefined;
  for (const value of present) {
    if (!value.fields) continue;
    fields ??= new Map();
    for (const [key, field] of value.fields) {
      const existing = fields.get(key);
      fields.set(key, existing ? union(existing, field) : field);
    }
  }
  const distinctMarkers = dedupeMarkers(markers);
  return { items: dedupeItems(items), ...(fields ? { fields } : {}), ...(distinctMarkers.length ? { markers: distinctMarkers } : {}) };
}

/** Everything the value carries, fields included: what a sink receives when handed the value. */
export function flatten(value: Value, depth = 0): Value {
  if (!value.fields?.size) return value.fields ? { items: value.items, markers: value.markers } : value;
  if (depth > MAX_FLATTEN_DEPTH) return { items: value.items, markers: value.markers };
  const parts = [...value.fields.values()].map((field) => flatten(field, depth + 1));
  const items = dedupeItems([...value.items, ...parts.flatMap((part) => part.items)]);
  const markers = [...(value.markers ?? []), ...parts.flatMap((part) => part.markers ?? [])];
  return { items, ...(markers.length ? { markers } : {}) };
}

export function withStep(value: Value, step: string): Value {
  if (value.items.length === 0) return value;
  return { ...value, items: value.items.map((item) => ({ ...item, steps: appendStep(item.steps, step) })) };
}

export function withoutCategories(value: Value, categories: ReadonlySet<string>): Value {
  const flat = flatten(value);
  return { items: flat.items.filter((item) => !categories.has(item.category)), markers: flat.markers };
}

function appendStep(steps: readonly string[], step: string): readonly string[] {
  if (steps[steps.length - 1] === step || steps.length >= 8) return steps;
  return [...steps, step];
}

function dedupeItems(items: readonly TaintItem[]): TaintItem[] {
  const seen = new Map<string, TaintItem>();
  for (const item of items) {
    const key = `${item.category}@${item.origin.span.start.line}:${item.origin.span.start.column}`;
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}

/** `x = x + x` repeated must not double the markers each time. */
function dedupeMarkers(markers: readonly ParamMarker[]): ParamMarker[] {
  if (markers.length < 2) return [...markers];
  const byFunction = new Map<object, Set<string>>();
  const result: ParamMarker[] = [];
  for (const marker of markers) {
    let seen = byFunction.get(marker.fn);
    if (!seen) byFunction.set(marker.fn, (seen = new Set()));
    const key = `${marker.param}:${marker.path.join('.')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(marker);
  }
  return result;
}
