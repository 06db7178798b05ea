// The technical expiry of a Redis write: `set(k, v, 'EX', 3600)` (also PX / EXAT / PXAT, any case,
// anywhere after the value), node-redis / Upstash options `{ EX: 60 }`, `{ px }`,
// `{ expiration: { type: 'EX', value } }`, `setex(k, 3600, v)`, `psetex(k, ms, v)`, and a LATER
// `expire` / `pexpire` / `expireat` / `pexpireat` of the same key text in the same function —
// including `redis.multi().set(k, v).expire(k, 60)`. An expire before the write does not count:
// SET clears the TTL.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '../estree';
import type { Retention } from '../types';
import { calleeSegments } from './callSite';
import { numberValue, objectProperty, optionProperty, secondsFromNow, stringValue, technicalExpiry, unwrap } from './options';
import type { SinkCallSite, SinkContext } from './types';

type ExpiryToken = 'EX' | 'PX' | 'EXAT' | 'PXAT';
const TOKENS = new Set<string>(['EX', 'PX', 'EXAT', 'PXAT']);
const EXPIRE_COMMANDS = new Map<string, ExpiryToken>([['expire', 'EX'], ['pexpire', 'PX'], ['expireat', 'EXAT'], ['pexpireat', 'PXAT']]);
const expireCallsCache = new WeakMap<TSESTree.Node, TSESTree.CallExpression[]>();

export function redisExpiry(site: SinkCallSite, command: string, context: SinkContext): Retention | undefined {
  const args = site.call.arguments;
  if (command === 'setex') return tokenExpiry('EX', args[1], context, 'Redis SETEX');
  if (command === 'psetex') return tokenExpiry('PX', args[1], context, 'Redis PSETEX');
  if (command === 'set') {
    const inline = setOptionsExpiry(args.slice(2), context);
    if (inline) return inline;
  }
  return laterExpire(site, context);
}

function setOptionsExpiry(options: readonly TSESTree.Node[], context: SinkContext): Retention | undefined {
  for (let index = 0; index < options.length; index++) {
    const token = stringValue(options[index])?.toUpperCase();
    if (token && TOKENS.has(token)) return tokenExpiry(token as ExpiryToken, options[index + 1], context, `Redis SET ${token}`);
    const object = unwrap(options[index]);
    if (object.type !== 'ObjectExpression' && object.type !== 'Identifier') continue;
    for (const key of TOKENS) {
      const value = optionProperty(object, key, context) ?? optionProperty(object, key.toLowerCase(), context);
      if (value) return tokenExpiry(key as ExpiryToken, value, context, `Redis SET ${key}`);
    }
    // node-redis v5: { expiration: { type: 'EX', value: 60 } }
    const expiration = optionProperty(object, 'expiration', context);
    const type = stringValue(objectProperty(expiration, 'type'))?.toUpperCase();
    if (type && TOKENS.has(type)) return tokenExpiry(type as ExpiryToken, objectProperty(expiration, 'value'), context, `Redis SET ${type}`);
  }
  return undefined;
}

function tokenExpiry(token: ExpiryToken, node: TSESTree.Node | undefined, context: SinkContext, declaredBy: string): Retention | undefined {
  if (!node) return undefined;
  let seconds: number | undefined;
  if (token === 'EX') seconds = numberValue(node, context);
  else if (token === 'PX') seconds = divide(numberValue(node, context), 1000);
  else seconds = secondsFromNow(node, context); // EXAT/PXAT: an absolute time, known only when written as now + n
  return technicalExpiry(seconds, declaredBy, node);
}

function divide(value: number | undefined, by: number): number | undefined {
  return value === undefined ? undefined : value / by;
}

function laterExpire(site: SinkCallSite, context: SinkContext): Retention | undefined {
  const key = site.call.arguments[0];
  if (!key) return undefined;
  const keyText = compact(context.text(key));
  const writeEnd = site.call.range[1];
  for (const call of expireCalls(context.enclosingBody)) {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression' || callee.property.range[0] < writeEnd) continue;
    const [expiredKey, amount] = call.arguments;
    if (!expiredKey || compact(context.text(expiredKey)) !== keyText) continue;
    const segments = calleeSegments(call.callee);
    const command = segments[segments.length - 1].toLowerCase();
    return tokenExpiry(EXPIRE_COMMANDS.get(command)!, amount, context, `Redis ${command.toUpperCase()}`);
  }
  return undefined;
}

/** The expire-family calls in a function body, in source order. */
function expireCalls(body: TSESTree.Node): TSESTree.CallExpression[] {
  let calls = expireCallsCache.get(body);
  if (!calls) {
    const found: TSESTree.CallExpression[] = [];
    simpleTraverse(body, {
      enter(node) {
        if (node.type !== 'CallExpression' || node.arguments.length < 2) return;
        const callee = unwrap(node.callee);
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (EXPIRE_COMMANDS.has(callee.property.name.toLowerCase())) found.push(node);
      },
    });
    calls = found.sort((a, b) => a.range[0] - b.range[0]);
    expireCallsCache.set(body, calls);
  }
  return calls;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
