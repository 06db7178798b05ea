// Reading option objects and TTL values at a sink: properties of object literals, numbers the
// file states as constants (`60 * 60 * 24`, `const TTL = 3600`), "now + n" dates and ms-style
// texts ('7d'), turned into a technical expiry.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../estree';
import { secondsToDuration } from '../retention/duration';
import type { Retention } from '../types';
import { UNKNOWN_EXPIRY_LENGTH, type SinkContext } from './types';

const MAX_EVALUATION_DEPTH = 8;

/** Strips type-only wrappers: `x as const`, `x!`, `x satisfies T`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression') {
    current = current.expression;
  }
  return current;
}

/** The value of property `name` in an object literal (the last one wins, as at run time). */
export function objectProperty(node: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  if (!node) return undefined;
  const object = unwrap(node);
  if (object.type !== 'ObjectExpression') return undefined;
  let found: TSESTree.Node | undefined;
  for (const property of object.properties) {
    if (property.type === 'Property' && propertyKey(property) === name) found = property.value;
  }
  return found;
}

/**
 * Property `name` of an options argument, looking through `const` names and spreads:
 * `{ ...COOKIE_DEFAULTS, httpOnly: true }` finds `maxAge` in `const COOKIE_DEFAULTS = { maxAge }`.
 */
export function optionProperty(node: TSESTree.Node | undefined, name: string, context: SinkContext, depth = 0): TSESTree.Node | undefined {
  if (!node || depth > MAX_EVALUATION_DEPTH) return undefined;
  const value = unwrap(node);
  if (value.type === 'Identifier') return optionProperty(fileConstant(value.name, context), name, context, depth + 1);
  if (value.type !== 'ObjectExpression') return undefined;
  for (let index = value.properties.length - 1; index >= 0; index--) {
    const property = value.properties[index];
    if (property.type === 'Property' && propertyKey(property) === name) return property.value;
    if (property.type === 'SpreadElement') {
      const spread = optionProperty(property.argument, name, context, depth + 1);
      if (spread) return spread;
    }
  }
  return undefined;
}

export function propertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal') return String(property.key.value);
  return undefined;
}

export function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (value.type === 'Literal' && typeof value.value === 'string') return value.value;
  if (value.type === 'TemplateLiteral' && value.expressions.length === 0) return value.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** A number the file states: literals, arithmetic, `const` names (also `LIMITS.ttl` of a const object), `ms('1h')`. */
export function numberValue(node: TSESTree.Node | undefined, context: SinkContext, depth = 0): number | undefined {
  if (!node || depth > MAX_EVALUATION_DEPTH) return undefined;
  const value = unwrap(node);
  switch (value.type) {
    case 'Literal':
      return typeof value.value === 'number' ? value.value : undefined;
    case 'UnaryExpression': {
      const operand = numberValue(value.argument, context, depth + 1);
      if (operand === undefined) return undefined;
      return value.operator === '-' ? -operand : value.operator === '+' ? operand : undefined;
    }
    case 'BinaryExpression': {
      const left = numberValue(value.left, context, depth + 1);
      const right = left === undefined ? undefined : numberValue(value.right, context, depth + 1);
      return left === undefined || right === undefined ? undefined : arithmetic(value.operator, left, right);
    }
    case 'Identifier':
      return numberValue(fileConstant(value.name, context), context, depth + 1);
    case 'MemberExpression': {
      if (value.computed || value.property.type !== 'Identifier' || value.object.type !== 'Identifier') return undefined;
      return numberValue(objectProperty(fileConstant(value.object.name, context), value.property.name), context, depth + 1);
    }
    case 'CallExpression': {
      // ms('1h') from the `ms` package: milliseconds.
      if (value.callee.type !== 'Identifier' || value.callee.name !== 'ms') return undefined;
      const seconds = durationTextSeconds(stringValue(value.arguments[0]));
      return seconds === undefined ? undefined : seconds * 1000;
    }
    default:
      return undefined;
  }
}

function arithmetic(operator: string, left: number, right: number): number | undefined {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? undefined : left / right;
    case '**':
      return left ** right;
    default:
      return undefined;
  }
}

const constantsCache = new WeakMap<TSESTree.Program, Map<string, TSESTree.Expression>>();

/** The initializer of `const name = …` anywhere in the file (file-wide by name, like bindings). */
export function fileConstant(name: string, context: SinkContext): TSESTree.Expression | undefined {
  let constants = constantsCache.get(context.program);
  if (!constants) {
    const found = new Map<string, TSESTree.Expression>();
    simpleTraverse(context.program, {
      enter(node) {
        if (node.type !== 'VariableDeclaration' || node.kind !== 'const') return;
        for (const declarator of node.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init) found.set(declarator.id.name, declarator.init);
        }
      },
    });
    constants = found;
    constantsCache.set(context.program, constants);
  }
  return constants.get(name);
}

const DURATION_TEXT = /^\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|msecs?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)\s*$/i;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800, y: 31_536_000 };

/** Seconds in an ms-style text: '1h' → 3600, '7 days' → 604800; a bare number has no unit here. */
export function durationTextSeconds(text: string | undefined): number | undefined {
  const match = text === undefined ? null : DURATION_TEXT.exec(text);
  if (!match) return undefined;
  const unit = match[2].toLowerCase();
  const key = unit.startsWith('ms') || unit.startsWith('milli') ? 'ms' : unit[0];
  return Number(match[1]) * UNIT_SECONDS[key];
}

/**
 * Seconds from now of an absolute time written relative to now: `Date.now() + 3600_000`,
 * `new Date(Date.now() + n)`, `Math.floor(Date.now() / 1000) + 60`, `….toUTCString()`.
 */
export function secondsFromNow(node: TSESTree.Node | undefined, context: SinkContext, depth = 0): number | undefined {
  return timeFromNow(node, context, depth)?.seconds;
}

/** Like secondsFromNow, with the unit the absolute time is written in: epoch 'ms' or epoch 's'. */
export function timeFromNow(node: TSESTree.Node | undefined, context: SinkContext, depth = 0): { seconds: number; unit: 'ms' | 's' } | undefined {
  if (!node || depth > MAX_EVALUATION_DEPTH) return undefined;
  const value = unwrap(node);
  if (value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'Date') {
    return timeFromNow(value.arguments[0], context, depth + 1);
  }
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression' && value.arguments.length === 0) {
    const method = value.callee.property.type === 'Identifier' ? value.callee.property.name : '';
    if (['toUTCString', 'toGMTString', 'toISOString', 'getTime', 'valueOf'].includes(method)) return timeFromNow(value.callee.object, context, depth + 1);
  }
  if (value.type !== 'BinaryExpression' || value.operator !== '+') return undefined;
  for (const [now, offset] of [
    [value.left, value.right],
    [value.right, value.left],
  ] as const) {
    const unit = nowUnit(now, depth + 1);
    const amount = unit && numberValue(offset, context);
    if (unit && amount !== undefined) return { seconds: unit === 'ms' ? amount / 1000 : amount, unit };
  }
  return undefined;
}

/** 'ms' for `Date.now()` / `new Date().getTime()`, 's' for `Date.now() / 1000` (floored or not). */
function nowUnit(node: TSESTree.Node, depth: number): 'ms' | 's' | undefined {
  if (depth > MAX_EVALUATION_DEPTH) return undefined;
  const value = unwrap(node);
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression' && value.callee.property.type === 'Identifier') {
    const { object, property } = value.callee;
    if (object.type === 'Identifier' && object.name === 'Date' && property.name === 'now') return 'ms';
    if (property.name === 'getTime' && object.type === 'NewExpression' && object.arguments.length === 0) return 'ms';
    if (object.type === 'Identifier' && object.name === 'Math' && ['floor', 'round', 'ceil', 'trunc'].includes(property.name)) {
      return value.arguments[0] ? nowUnit(value.arguments[0], depth + 1) : undefined;
    }
  }
  if (value.type === 'BinaryExpression' && value.operator === '/' && value.right.type === 'Literal' && value.right.value === 1000) {
    return nowUnit(value.left, depth + 1) === 'ms' ? 's' : undefined;
  }
  return undefined;
}

/** A technical expiry of `seconds` (unknown length when the file does not state it). */
export function technicalExpiry(seconds: number | undefined, declaredBy: string, node: TSESTree.Node): Retention {
  const known = seconds !== undefined && Number.isFinite(seconds) && seconds >= 0;
  return { value: known ? secondsToDuration(seconds) : UNKNOWN_EXPIRY_LENGTH, declaredBy, span: { start: node.loc.start, end: node.loc.end } };
}

/** Arguments that can carry values: everything but callbacks (`(err) => …`). */
export function valueArgs(args: readonly TSESTree.Node[]): TSESTree.Node[] {
  return args.filter((arg) => arg.type !== 'ArrowFunctionExpression' && arg.type !== 'FunctionExpression');
}
