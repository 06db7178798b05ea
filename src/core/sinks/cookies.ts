// Cookies set through a server framework or a cookie library. Data: the cookie value. Expiry:
// `maxAge` (milliseconds for Express and Koa, seconds for Fastify, Next.js, Hono and
// universal-cookie) or `expires` (a Date written as now + n, or js-cookie's number of days).
//   Express   res.cookie(name, value, options)          Fastify  reply.setCookie(name, value, options)
//   Next.js   cookies().set(name, value, options), cookies().set({ name, value, maxAge }), response.cookies.set(…)
//   Koa       ctx.cookies.set(name, value, options)     Hono     setCookie(c, name, value, options)
//   js-cookie Cookies.set(name, value, { expires })     universal-cookie / react-cookie  cookies.set(…)
// A cookie WITHOUT maxAge/expires gets no expiry, deliberately: the contract lists only
// maxAge/expires as a cookie's declared retention, and a "session" cookie is not reliably short —
// browsers that restore sessions keep it for as long as the browser stays in use, often weeks. The
// finding stays and asks for an explicit maxAge or `@retention`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention } from '../types';
import { moduleIs } from './librarySink';
import { nameWords } from './names';
import { numberValue, objectProperty, optionProperty, secondsFromNow, technicalExpiry, unwrap } from './options';
import { calleeChain, isGlobal, receiverChain } from './provenance';
import type { SinkCallSite, SinkContext, SinkRecognizer } from './types';

interface CookieWrite {
  value: TSESTree.Node | undefined;
  options: TSESTree.Node | undefined;
  maxAgeUnit: 'ms' | 's';
  /** js-cookie: a number in `expires` counts days. */
  expiresInDays?: boolean;
  label: string;
}

const COOKIE_METHODS = new Set(['cookie', 'setCookie', 'setSignedCookie', 'set']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'resp']);
const KOA_CONTEXT_NAMES = new Set(['ctx', 'context']);
const isUniversalCookie = moduleIs('universal-cookie', 'react-cookie');

export const cookiesSink: SinkRecognizer = {
  id: 'cookies',
  family: 'cookie',
  kind: 'storage',
  matchCall(site, context) {
    if (!COOKIE_METHODS.has(site.method)) return undefined;
    const write = cookieWrite(site, context);
    if (!write?.value) return undefined;
    const expiry = optionsExpiry(write, context);
    return { kind: 'storage', family: 'cookie', dataArgs: [write.value], ...(expiry ? { expiry } : {}) };
  },
};

function cookieWrite(site: SinkCallSite, context: SinkContext): CookieWrite | undefined {
  const args = site.call.arguments;
  if (site.method === 'cookie') {
    return isResponse(site) ? { value: args[1], options: args[2], maxAgeUnit: 'ms', label: 'Express res.cookie' } : undefined;
  }
  if (site.method !== 'set') {
    if (calleeChain(site, context)?.module?.startsWith('hono')) return { value: args[2], options: args[3], maxAgeUnit: 's', label: 'Hono setCookie' };
    return isResponse(site) ? { value: args[1], options: args[2], maxAgeUnit: 's', label: 'Fastify reply.setCookie' } : undefined;
  }
  const chain = receiverChain(site, context);
  if (chain?.module === 'next/headers') return nextWrite(args, 'Next.js cookies().set');
  const path = ownPath(site);
  if (path.length === 2 && path[1] === 'cookies') {
    if (chain?.module === 'next/server' || RESPONSE_NAMES.has(path[0])) return nextWrite(args, 'Next.js response.cookies.set');
    if (KOA_CONTEXT_NAMES.has(path[0])) return { value: args[1], options: args[2], maxAgeUnit: 'ms', label: 'Koa ctx.cookies.set' };
    return undefined;
  }
  if (chain?.module === 'js-cookie' || isGlobal(chain, new Set(['Cookies']))) {
    return { value: args[1], options: args[2], maxAgeUnit: 's', expiresInDays: true, label: 'js-cookie Cookies.set' };
  }
  if (chain?.module !== undefined && isUniversalCookie(chain.module)) return { value: args[1], options: args[2], maxAgeUnit: 's', label: 'universal-cookie set' };
  return undefined;
}

/** Next.js takes `(name, value, options)` or one `{ name, value, …options }` object. */
function nextWrite(args: readonly TSESTree.Node[], label: string): CookieWrite {
  const first = args[0] && unwrap(args[0]);
  if (first?.type === 'ObjectExpression') return { value: objectProperty(first, 'value') ?? first, options: first, maxAgeUnit: 's', label };
  return { value: args[1], options: args[2], maxAgeUnit: 's', label };
}

/** The receiver path without `this`. */
function ownPath(site: SinkCallSite): readonly string[] {
  return site.receiverPath[0] === 'this' ? site.receiverPath.slice(1) : site.receiverPath;
}

/** `res` / `response` / `reply`, or a member typed `…Response` / `…Reply`, or injected with `@Res()`. */
function isResponse(site: SinkCallSite): boolean {
  const path = ownPath(site);
  if (path.length !== 1) return false;
  if (RESPONSE_NAMES.has(path[0])) return true;
  const info = site.receiver;
  if (!info) return false;
  const typeWords = nameWords(info.typeName ?? '');
  return info.decorators?.includes('Res') === true || typeWords.includes('response') || typeWords.includes('reply');
}

function optionsExpiry(write: CookieWrite, context: SinkContext): Retention | undefined {
  const maxAge = optionProperty(write.options, 'maxAge', context);
  if (maxAge) {
    const amount = numberValue(maxAge, context);
    const seconds = amount === undefined ? undefined : write.maxAgeUnit === 'ms' ? amount / 1000 : amount;
    return technicalExpiry(seconds, `${write.label} maxAge`, maxAge);
  }
  const expires = optionProperty(write.options, 'expires', context);
  if (!expires) return undefined;
  const days = write.expiresInDays ? numberValue(expires, context) : undefined;
  return technicalExpiry(days !== undefined ? days * 86_400 : secondsFromNow(expires, context), `${write.label} expires`, expires);
}
