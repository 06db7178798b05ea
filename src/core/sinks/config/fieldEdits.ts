// What a transform function does to the fields of the object it is given: a winston
// `format((info) => { delete info.email; return info })`, a Sentry `beforeSend(event)`. Read from
// the function's text: `delete p.a.b`, `p.a = '[redacted]'` / `mask(p.a)` / `p.a.replace(re, '*')`,
// `p.user = { id: p.user.id }` (only `id` is kept), `for (const k of KEYS) delete p[k]`,
// `KEYS.forEach((k) => delete p[k])`, `return { ...p, email: undefined }`, and a function that
// only ever returns null (it drops the whole object). An edit under a condition counts only when
// the condition tests that fields exist (`if (event.user) delete event.user.email` removes the
// email whenever there is one); under any other condition (`if (crumb.category === 'http')`,
// `if (isProd)`) it may not happen, so it does not count.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../../estree';
import { Sanitizers } from '../../flow/sanitizers';
import { calleeSegments, memberName } from '../callSite';
import { propertyKey, stringValue, unwrap } from '../options';
import type { SinkContext } from '../types';
import { arrayElements, resolved, type FunctionLike } from './common';

export interface FieldEdits {
  /** Paths removed or masked; [] alone means everything is dropped. */
  paths: string[][];
  keepOnly: { path: string[]; keep: string[] }[];
}

/** Built-in sanitizer names only: a library's configuration is read without the catalog. */
const BUILTIN_SANITIZERS = new Sanitizers();
const editsCache = new WeakMap<FunctionLike, FieldEdits | null>();

/** The edits a function makes to its first parameter; undefined when it makes none the file shows. */
export function fieldEdits(fn: FunctionLike, context: SinkContext): FieldEdits | undefined {
  let cached = editsCache.get(fn);
  if (cached === undefined) {
    cached = readEdits(fn, context) ?? null;
    editsCache.set(fn, cached);
  }
  return cached ?? undefined;
}

function readEdits(fn: FunctionLike, context: SinkContext): FieldEdits | undefined {
  // The parser sets no parent pointers: loops and own returns are found through this map.
  const parents = new Map<TSESTree.Node, TSESTree.Node>();
  simpleTraverse(fn.body, {
    enter(node, parent) {
      if (parent) parents.set(node, parent);
    },
  });
  parents.set(fn.body, fn);
  if (onlyReturnsNull(fn, parents)) return { paths: [[]], keepOnly: [] };
  const param = fn.params[0];
  if (param?.type !== 'Identifier') return undefined;
  const edits: FieldEdits = { paths: [], keepOnly: [] };
  // `const user = event.user`: edits through the alias are edits of event.user.
  const aliases = new Map<string, string[]>([[param.name, []]]);
  const pathOf = (node: TSESTree.Node): string[] | undefined => {
    const keys: string[] = [];
    let current = unwrap(node);
    while (current.type === 'MemberExpression' || current.type === 'ChainExpression') {
      if (current.type === 'ChainExpression') {
        current = unwrap(current.expression);
        continue;
      }
      const key = memberName(current);
      if (key === undefined) return undefined;
      keys.unshift(key);
      current = unwrap(current.object);
    }
    if (current.type !== 'Identifier') return undefined;
    const base = aliases.get(current.name);
    return base && [...base, ...keys];
  };
  /** `p[k]` where k runs over a constant list of keys: one path per key. */
  const loopPaths = (node: TSESTree.Node): string[][] | undefined => {
    const member = unwrap(node.type === 'ChainExpression' ? node.expression : node);
    if (member.type !== 'MemberExpression' || !member.computed || member.property.type !== 'Identifier') return undefined;
    const base = pathOf(member.object);
    const keys = base && loopKeys(member.property.name, member, parents, context);
    return keys?.map((key) => [...base!, key]);
  };
  simpleTraverse(fn.body, {
    enter(node) {
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
        const aliased = pathOf(node.init);
        if (aliased && aliased.length > 0) aliases.set(node.id.name, aliased);
      } else if (!unconditional(node, fn, parents, pathOf)) {
        return;
      } else if (node.type === 'UnaryExpression' && node.operator === 'delete') {
        const path = pathOf(node.argument);
        if (path && path.length > 0) edits.paths.push(path);
        else edits.paths.push(...(loopPaths(node.argument) ?? []));
      } else if (node.type === 'AssignmentExpression' && node.operator === '=') {
        const path = pathOf(node.left);
        const targets = path && path.length > 0 ? [path] : loopPaths(node.left);
        for (const target of targets ?? []) assigned(target, node.right, edits, pathOf);
      } else if (node.type === 'ReturnStatement' && node.argument && ownFunction(node, fn, parents)) {
        returnedCopy(node.argument, edits, pathOf);
      }
    },
  });
  if (fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') returnedCopy(fn.body, edits, pathOf);
  return edits.paths.length || edits.keepOnly.length ? edits : undefined;
}

/** Whether `node` runs whenever the function runs, but for tests that fields exist. */
function unconditional(
  node: TSESTree.Node,
  fn: FunctionLike,
  parents: ReadonlyMap<TSESTree.Node, TSESTree.Node>,
  pathOf: (node: TSESTree.Node) => string[] | undefined,
): boolean {
  if (node.type !== 'UnaryExpression' && node.type !== 'AssignmentExpression') return true;
  let child: TSESTree.Node = node;
  for (let current = parents.get(node); current && current !== fn; child = current, current = parents.get(current)) {
    switch (current.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child !== current.test && !existenceTest(current.test, pathOf)) return false;
        break;
      case 'LogicalExpression':
        if (child === current.right && (current.operator !== '&&' || !existenceTest(current.left, pathOf))) return false;
        break;
      case 'SwitchCase':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'CatchClause':
        return false;
    }
  }
  return true;
}

/** `p.user`, `p.user?.email`, `p.user && p.extra`: only that fields of the object exist. */
function existenceTest(test: TSESTree.Node, pathOf: (node: TSESTree.Node) => string[] | undefined): boolean {
  const value = unwrap(test);
  if (value.type === 'LogicalExpression' && value.operator === '&&') return existenceTest(value.left, pathOf) && existenceTest(value.right, pathOf);
  return (value.type === 'MemberExpression' || value.type === 'ChainExpression') && pathOf(value) !== undefined;
}

/** `p.a = <masked>` removes a; `p.a = { id: p.a.id }` keeps only id. */
function assigned(path: string[], value: TSESTree.Node, edits: FieldEdits, pathOf: (node: TSESTree.Node) => string[] | undefined): void {
  const right = unwrap(value);
  if (right.type === 'ObjectExpression') {
    const keep: string[] = [];
    for (const property of right.properties) {
      if (property.type !== 'Property') continue;
      const key = propertyKey(property);
      const read = pathOf(property.value);
      if (key !== undefined && read && read.join('\u0000') === [...path, key].join('\u0000')) keep.push(key);
    }
    edits.keepOnly.push({ path, keep });
    return;
  }
  if (isMasked(right, path, pathOf)) edits.paths.push(path);
}

/** `return { ...p, email: '[redacted]', user: { id: p.user.id } }`. */
function returnedCopy(node: TSESTree.Node, edits: FieldEdits, pathOf: (node: TSESTree.Node) => string[] | undefined): void {
  const object = unwrap(node);
  if (object.type !== 'ObjectExpression') return;
  const spread = object.properties.find((property): property is TSESTree.SpreadElement => property.type === 'SpreadElement');
  const base = spread && pathOf(spread.argument);
  if (!base) return;
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key = propertyKey(property);
    if (key !== undefined) assigned([...base, key], property.value, edits, pathOf);
  }
}

/** A value that no longer carries what was at `path`: a constant, undefined, a sanitizer call, a masking replace. */
function isMasked(value: TSESTree.Node, path: string[], pathOf: (node: TSESTree.Node) => string[] | undefined): boolean {
  if (value.type === 'Literal') return true;
  if (value.type === 'TemplateLiteral') return value.expressions.length === 0;
  if (value.type === 'Identifier') return value.name === 'undefined';
  if (value.type === 'UnaryExpression') return value.operator === 'void';
  if (value.type !== 'CallExpression') return false;
  const segments = calleeSegments(value.callee);
  if (BUILTIN_SANITIZERS.isSanitizerCall(segments)) return true;
  // `p.email = p.email.replace(/(?<=.).(?=[^@]*@)/g, '*')`: a masking replace of the same field.
  const method = segments[segments.length - 1];
  const callee = unwrap(value.callee);
  if ((method === 'replace' || method === 'replaceAll') && callee.type === 'MemberExpression' && stringValue(value.arguments[1]) !== undefined) {
    const read = pathOf(callee.object);
    return read !== undefined && read.join('\u0000') === path.join('\u0000');
  }
  return false;
}

/** The keys a loop variable runs over: `for (const k of ['a', 'b'])`, `KEYS.forEach((k) => …)`. */
function loopKeys(name: string, use: TSESTree.Node, parents: ReadonlyMap<TSESTree.Node, TSESTree.Node>, context: SinkContext): string[] | undefined {
  for (let current = parents.get(use); current; current = parents.get(current)) {
    if (current.type === 'ForOfStatement' && current.left.type === 'VariableDeclaration') {
      const declared = current.left.declarations[0]?.id;
      if (declared?.type === 'Identifier' && declared.name === name) return literalKeys(current.right, context);
    }
    if ((current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression') && current.params[0]?.type === 'Identifier' && current.params[0].name === name) {
      const call = parents.get(current);
      if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || memberName(call.callee) !== 'forEach') return undefined;
      return literalKeys(call.callee.object, context);
    }
  }
  return undefined;
}

function literalKeys(node: TSESTree.Node, context: SinkContext): string[] | undefined {
  const elements = arrayElements(node, context);
  if (!elements) return undefined;
  const keys = elements.map((element) => stringValue(resolved(element, context)));
  return keys.every((key): key is string => key !== undefined) ? keys : undefined;
}

/** A function whose every return gives null (and that returns at all): it drops what it is given. */
function onlyReturnsNull(fn: FunctionLike, parents: ReadonlyMap<TSESTree.Node, TSESTree.Node>): boolean {
  if (fn.body.type !== 'BlockStatement') {
    const body = unwrap(fn.body);
    return body.type === 'Literal' && body.value === null;
  }
  let returns = 0;
  let allNull = true;
  simpleTraverse(fn.body, {
    enter(node) {
      if (node.type !== 'ReturnStatement' || !ownFunction(node, fn, parents)) return;
      returns++;
      const argument = node.argument && unwrap(node.argument);
      if (!(argument?.type === 'Literal' && argument.value === null)) allNull = false;
    },
  });
  return returns > 0 && allNull;
}

function ownFunction(node: TSESTree.Node, fn: FunctionLike, parents: ReadonlyMap<TSESTree.Node, TSESTree.Node>): boolean {
  for (let current = parents.get(node); current; current = parents.get(current)) {
    if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') return current === fn;
  }
  return false;
}
