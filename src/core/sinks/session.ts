// Server sessions: `req.session.email = email` (also `req.session[key] = v`, nested
// `req.session.user.email = …`, and cookie-session's `req.session = { … }`) on a request object —
// `req`, `request`, `ctx`, or a parameter typed `…Request` / `…Context`. A request has a
// `session` only when a session middleware (express-session, cookie-session, koa-session …) is
// installed, so the write itself is the evidence: no import of the middleware is needed in the
// file, which it rarely has (the app configures the middleware once, routes live elsewhere).
// Expiry: the session configuration found in this file or in any workspace file that imports a
// session middleware (the longest, when there are several; none when one of them has none):
//   express-session  `cookie.maxAge` (ms), else the store's `ttl`: connect-redis,
//                    connect-mongo (`MongoStore.create`), connect-pg-simple, session-file-store
//                    (seconds), memorystore (ms)
//   cookie-session   `maxAge` (ms)          koa-session   `maxAge` (ms, or 'session')
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { retentionSeconds } from '../retention/duration';
import type { Retention } from '../types';
import { calleeSegments, memberName } from './callSite';
import { callsIn, configurationFiles, configuredExpiry, PROCESS_CONFIGURATION, resolved } from './config/common';
import { nameWords } from './names';
import { numberValue, optionProperty, stringValue, unwrap } from './options';
import { chainOf } from './provenance';
import { UNKNOWN_EXPIRY_LENGTH, type SinkContext, type SinkRecognizer } from './types';

const REQUEST_NAMES = new Set(['req', 'request', 'ctx']);
const SESSION_MIDDLEWARE = new Set(['express-session', 'cookie-session', 'koa-session']);
/** Session stores and the unit of their `ttl`. */
const STORE_TTL_UNITS = new Map<string, 'ms' | 's'>([
  ['connect-redis', 's'], ['connect-mongo', 's'], ['connect-pg-simple', 's'], ['session-file-store', 's'], ['memorystore', 'ms'],
]);

export const sessionSink: SinkRecognizer = {
  id: 'session',
  family: 'session',
  kind: 'storage',
  matchAssignment(assignment, context) {
    if (assignment.operator !== '=' || !writesSession(assignment.left, context)) return undefined;
    const right = unwrap(assignment.right);
    if (right.type === 'Literal' && right.value === null) return undefined; // cookie-session: clearing it
    const expiry = sessionExpiry(context);
    return { kind: 'storage', family: 'session', dataArgs: [assignment.right], ...(expiry ? { expiry } : {}) };
  },
};

/** `<request>.session.<…>` or `<request>.session` itself. */
function writesSession(target: TSESTree.Node, context: SinkContext): boolean {
  let current = unwrap(target);
  for (let depth = 0; depth < 6 && current.type === 'MemberExpression'; depth++) {
    if (memberName(current) === 'session' && isRequest(unwrap(current.object), context)) return true;
    current = unwrap(current.object);
  }
  return false;
}

function isRequest(node: TSESTree.Node, context: SinkContext): boolean {
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') return isRequestName(memberName(node), context);
  return node.type === 'Identifier' && isRequestName(node.name, context);
}

function isRequestName(name: string | undefined, context: SinkContext): boolean {
  if (!name) return false;
  if (REQUEST_NAMES.has(name)) return true;
  const words = nameWords(context.binding(name)?.typeName ?? '');
  const last = words[words.length - 1];
  return last === 'request' || last === 'context';
}

const expiryCache = new WeakMap<TSESTree.Program, Retention | null>();

function sessionExpiry(context: SinkContext): Retention | undefined {
  if (!expiryCache.has(context.program)) expiryCache.set(context.program, readSessionExpiry(context) ?? null);
  return expiryCache.get(context.program) ?? undefined;
}

function readSessionExpiry(context: SinkContext): Retention | undefined {
  const files = configurationFiles(context, PROCESS_CONFIGURATION.session);
  const configs = callsIn(files, 'session.middleware', (call, file) => middlewareOf(call, file) !== undefined);
  let longest: Retention | undefined;
  for (const config of configs) {
    const expiry = middlewareExpiry(middlewareOf(config.node, config.context)!, config.node, config.context);
    if (!expiry) return undefined;
    if (!longest || lengthOf(expiry) > lengthOf(longest)) longest = expiry;
  }
  return longest;
}

function middlewareOf(call: TSESTree.CallExpression | TSESTree.NewExpression, context: SinkContext): string | undefined {
  const chain = chainOf(calleeSegments(call.callee), context, call.callee);
  return chain?.module !== undefined && SESSION_MIDDLEWARE.has(chain.module) && chain.steps.length === 0 ? chain.module : undefined;
}

function middlewareExpiry(module: string, call: TSESTree.CallExpression | TSESTree.NewExpression, context: SinkContext): Retention | undefined {
  const options = resolved(call.arguments[0], context);
  if (options?.type !== 'ObjectExpression') return undefined;
  if (module === 'express-session') {
    const maxAge = optionProperty(optionProperty(options, 'cookie', context), 'maxAge', context);
    if (maxAge && !isNull(maxAge)) return millis(maxAge, 'express-session cookie.maxAge', context);
    return storeExpiry(optionProperty(options, 'store', context), context);
  }
  const maxAge = optionProperty(options, 'maxAge', context);
  if (!maxAge) return undefined;
  if (stringValue(maxAge) === 'session') return { ...configuredExpiry(undefined, `${module} maxAge 'session'`, maxAge, context), value: 'session' };
  return millis(maxAge, `${module} maxAge`, context);
}

/** `new RedisStore({ client, ttl })`, `MongoStore.create({ ttl })`, `new (connectRedis(session))({ ttl })`. */
function storeExpiry(node: TSESTree.Node | undefined, context: SinkContext): Retention | undefined {
  const store = resolved(node, context);
  if (store?.type !== 'NewExpression' && store?.type !== 'CallExpression') return undefined;
  const callee = unwrap(store.callee);
  const chain = chainOf(calleeSegments(callee), context, callee);
  const unit = chain?.module === undefined ? undefined : STORE_TTL_UNITS.get(chain.module);
  const ttl = unit && optionProperty(store.arguments[0], 'ttl', context);
  if (!unit || !ttl) return undefined;
  const amount = numberValue(ttl, context);
  return configuredExpiry(amount === undefined ? undefined : unit === 'ms' ? amount / 1000 : amount, `${chain!.module} ttl`, ttl, context);
}

function millis(node: TSESTree.Node, label: string, context: SinkContext): Retention {
  const amount = numberValue(node, context);
  return configuredExpiry(amount === undefined ? undefined : amount / 1000, label, node, context);
}

function isNull(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === 'Literal' && value.value === null;
}

function lengthOf(retention: Retention): number {
  return retention.value === UNKNOWN_EXPIRY_LENGTH ? Number.POSITIVE_INFINITY : retentionSeconds(retention.value) ?? Number.POSITIVE_INFINITY;
}
