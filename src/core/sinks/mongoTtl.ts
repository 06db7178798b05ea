// MongoDB TTL declarations, the technical expiry of Mongoose models and driver collections:
// a schema path with `expires` (seconds, or an ms-style text such as '1d'), `expireAfterSeconds`
// in a schema definition or its options, and TTL indexes created anywhere in the file —
// `schema.index({ createdAt: 1 }, { expireAfterSeconds: 3600 })`,
// `db.collection('sessions').createIndex({ at: 1 }, { expireAfterSeconds: 60 })`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../estree';
import type { Retention } from '../types';
import { calleeSegments, memberName } from './callSite';
import { durationTextSeconds, numberValue, objectProperty, optionProperty, stringValue, technicalExpiry, unwrap } from './options';
import type { SinkContext } from './types';

const INDEX_METHODS = new Set(['index', 'createIndex', 'ensureIndex']);
const SCHEMA_SEARCH_DEPTH = 4;
const indexCache = new WeakMap<TSESTree.Program, Map<string, Retention>>();

/** The expiry a Mongoose schema declares (`schema`: the schema expression passed to `model(…)`). */
export function schemaExpiry(schema: TSESTree.Node | undefined, context: SinkContext): Retention | undefined {
  if (!schema) return undefined;
  const expression = unwrap(schema);
  if (expression.type === 'Identifier') {
    const indexed = ttlIndexes(context).get(expression.name);
    if (indexed) return indexed;
    const created = context.binding(expression.name)?.originCall;
    return created?.type === 'NewExpression' ? schemaExpiry(created, context) : undefined;
  }
  if (expression.type !== 'NewExpression') return undefined;
  const [definition, options] = expression.arguments;
  return expiresIn(definition, context, 0) ?? optionExpiry(optionProperty(options, 'expireAfterSeconds', context), context, 'Mongoose expireAfterSeconds');
}

/** `expires` / `expireAfterSeconds` in a schema definition or a path's options (`@Prop({ expires })`). */
export function schemaDefinitionExpiry(definition: TSESTree.Node | undefined, context: SinkContext): Retention | undefined {
  return expiresIn(definition, context, 0);
}

/** TTL indexes made by `schema.index(…)`, by the schema's name. */
export function schemaIndexExpiries(context: SinkContext): Map<string, Retention> {
  return ttlIndexes(context);
}

/** The TTL index of a driver collection: `key` from collectionKey(). */
export function collectionExpiry(key: string | undefined, context: SinkContext): Retention | undefined {
  return key === undefined ? undefined : ttlIndexes(context).get(key);
}

/**
 * Which collection an expression is, comparable across the file: `db.collection('users')` and
 * `users` (when `const users = db.collection('users')`) are both 'collection:users'.
 */
export function collectionKey(node: TSESTree.Node, context: SinkContext): string | undefined {
  const expression = unwrap(node.type === 'ChainExpression' ? node.expression : node);
  if (expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression' && memberName(expression.callee) === 'collection') {
    const name = stringValue(expression.arguments[0]);
    return name === undefined ? undefined : `collection:${name}`;
  }
  const name = expression.type === 'Identifier' ? expression.name : expression.type === 'MemberExpression' && expression.object.type === 'ThisExpression' ? memberName(expression) : undefined;
  if (name === undefined) return undefined;
  const created = context.binding(name)?.originCall;
  return (created && created.type === 'CallExpression' && collectionKey(created, context)) || `name:${name}`;
}

function expiresIn(definition: TSESTree.Node | undefined, context: SinkContext, depth: number): Retention | undefined {
  if (!definition || depth > SCHEMA_SEARCH_DEPTH) return undefined;
  const object = unwrap(definition);
  if (object.type !== 'ObjectExpression') return undefined;
  const expires = objectProperty(object, 'expires');
  if (expires) return optionExpiry(expires, context, 'Mongoose expires');
  const after = objectProperty(object, 'expireAfterSeconds');
  if (after) return optionExpiry(after, context, 'Mongoose expireAfterSeconds');
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const nested = expiresIn(property.value, context, depth + 1) ?? (property.value.type === 'ArrayExpression' ? expiresIn(property.value.elements[0] ?? undefined, context, depth + 1) : undefined);
    if (nested) return nested;
  }
  return undefined;
}

/** `expires: 3600` (seconds), `expires: '1d'`, `expireAfterSeconds: DAY`. */
function optionExpiry(node: TSESTree.Node | undefined, context: SinkContext, declaredBy: string): Retention | undefined {
  if (!node) return undefined;
  const seconds = numberValue(node, context) ?? durationTextSeconds(stringValue(node));
  return technicalExpiry(seconds, declaredBy, node);
}

/** Every TTL index the file creates, by schema name or collection key. */
function ttlIndexes(context: SinkContext): Map<string, Retention> {
  let indexes = indexCache.get(context.program);
  if (indexes) return indexes;
  const found = new Map<string, Retention>();
  simpleTraverse(context.program, {
    enter(node) {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
      const method = memberName(node.callee);
      if (!method || !INDEX_METHODS.has(method)) return;
      const options = node.arguments[1];
      const ttl = optionProperty(options, 'expireAfterSeconds', context) ?? optionProperty(options, 'expires', context);
      if (!ttl) return;
      const receiver = node.callee.object;
      const key = method === 'index' ? calleeSegments(receiver).join('.') : collectionKey(receiver, context);
      if (key !== undefined && !found.has(key)) found.set(key, optionExpiry(ttl, context, `MongoDB TTL index (${method})`)!);
    },
  });
  indexes = found;
  indexCache.set(context.program, indexes);
  return indexes;
}
