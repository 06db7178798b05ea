// Framework sources: values that are personal data because of where they come from, whatever
// they are called — request headers that carry the client's address, NestJS @Ip(), geolocation.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { CategoryId } from '../types';

/** Headers whose value is the client's IP address (lower case). */
const CLIENT_IP_HEADERS = new Set([
  'x-forwarded-for',
  'x-real-ip',
  'x-client-ip',
  'cf-connecting-ip',
  'true-client-ip',
  'x-cluster-client-ip',
  'fastly-client-ip',
  'forwarded',
]);

/** Methods that read a request header by name: Express `req.get/header`, fetch `headers.get`. */
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

/** Objects that are (or hang off) an HTTP request, by convention. */
const REQUEST_ROOTS = new Set(['req', 'request', 'ctx', 'context', 'event', 'incoming', 'httpRequest']);

export interface FrameworkSource {
  category: CategoryId;
  source: string;
}

/** `req.get('x-forwarded-for')`, `request.headers.get('x-real-ip')`, `req.header('X-Forwarded-For')`. */
export function headerGetterSource(callPath: string[], call: TSESTree.CallExpression): FrameworkSource | undefined {
  const method = callPath[callPath.length - 1];
  if (!HEADER_GETTERS.has(method)) return undefined;
  const receiver = callPath[callPath.length - 2];
  if (receiver !== 'headers' && !REQUEST_ROOTS.has(callPath[0])) return undefined;
  const first = call.arguments[0];
  if (first?.type !== 'Literal' || typeof first.value !== 'string') return undefined;
  const header = first.value.toLowerCase();
  return CLIENT_IP_HEADERS.has(header) ? { category: 'ip_address', source: `${header} header` } : undefined;
}

/** Member chains that are a request's client address: `req.ip`, `req.ips`, `req.socket.remoteAddress`. */
export function requestMemberSource(path: readonly string[]): FrameworkSource | undefined {
  const last = path[path.length - 1];
  if (!last || !REQUEST_ROOTS.has(path[0])) return undefined;
  if ((last === 'ip' || last === 'ips') && path.length <= 3) return { category: 'ip_address', source: `${path.join('.')}` };
  if (last === 'remoteAddress' && (path.includes('socket') || path.includes('connection'))) {
    return { category: 'ip_address', source: path.join('.') };
  }
  if (CLIENT_IP_HEADERS.has(last.toLowerCase()) && path.includes('headers')) {
    return { category: 'ip_address', source: `${last.toLowerCase()} header` };
  }
  return undefined;
}

/** `request.ip()` (AdonisJS, Hapi-style accessors): the client address, read through a method. */
export function requestMethodSource(callPath: readonly string[]): FrameworkSource | undefined {
  const method = callPath[callPath.length - 1];
  if ((method !== 'ip' && method !== 'ips') || callPath.length !== 2 || !REQUEST_ROOTS.has(callPath[0])) return undefined;
  return { category: 'ip_address', source: `${callPath.join('.')}()` };
}

/** NestJS `@Ip() ip: string` (and `@RealIP()` from nestjs-real-ip). */
export function decoratorSource(decorators: readonly TSESTree.Decorator[] | undefined): FrameworkSource | undefined {
  for (const decorator of decorators ?? []) {
    const expression = decorator.expression;
    const callee = expression.type === 'CallExpression' ? expression.callee : expression;
    if (callee.type === 'Identifier' && (callee.name === 'Ip' || callee.name === 'RealIP' || callee.name === 'RealIp')) {
      return { category: 'ip_address', source: `@${callee.name}()` };
    }
  }
  return undefined;
}

/** `navigator.geolocation.getCurrentPosition(cb)` / `watchPosition(cb)`: cb's first parameter is a position. */
export function isGeolocationCall(callPath: readonly string[]): boolean {
  const method = callPath[callPath.length - 1];
  return (method === 'getCurrentPosition' || method === 'watchPosition') && callPath.includes('geolocation');
}
