// Which arguments of a logger call are written out: all of them, except a level name passed as a
// literal (`logger.log('info', msg, meta)`) and callbacks; `child(bindings)` writes its bindings
// on every later line, so the bindings object is data too (its options argument is not).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { stringValue, valueArgs } from './options';
import type { SinkCallSite } from './types';

/** Level methods shared by the common Node loggers (winston, pino, bunyan, log4js, loglevel). */
export const COMMON_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'log'] as const;

/** Level names a `log(level, …)` call may start with. */
const LEVEL_NAMES = new Set([
  ...COMMON_LEVELS,
  'warning', 'notice', 'critical', 'crit', 'alert', 'emerg', 'verbose', 'silly', 'http', 'mark', 'success',
]);

/** Methods that bind their argument onto every later log line. */
export const BINDING_METHODS: ReadonlySet<string> = new Set(['child']);

export function loggedArgs(site: SinkCallSite): TSESTree.Node[] {
  const args = site.call.arguments;
  if (BINDING_METHODS.has(site.method)) return args[0] && args[0].type !== 'SpreadElement' ? valueArgs([args[0]]) : valueArgs(args);
  if (site.method === 'log' && args.length > 1 && LEVEL_NAMES.has(stringValue(args[0]) ?? '')) return valueArgs(args.slice(1));
  return valueArgs(args);
}

export function levelSet(...levels: string[]): ReadonlySet<string> {
  return new Set(levels);
}
