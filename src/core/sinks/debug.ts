// debug: the function made by `require('debug')('app')` / `createDebug('app')` (and its
// `.extend('sub')`), called directly: `debug('user %s from %s', email, ip)`.
import type { SinkRecognizer } from './types';
import { valueArgs } from './options';
import { calleeChain } from './provenance';

export const debugSink: SinkRecognizer = {
  id: 'debug',
  family: 'debug',
  kind: 'log',
  matchCall(site, context) {
    // A call of a plain name or `this.x`: anything longer is a method call, not the debug function.
    if (site.receiverPath.length > 1 || (site.receiverPath.length === 1 && site.receiverPath[0] !== 'this')) return undefined;
    const chain = calleeChain(site, context);
    if (chain?.module !== 'debug' || !isDebugFunction(chain.steps)) return undefined;
    const dataArgs = valueArgs(site.call.arguments);
    return dataArgs.length > 0 ? { kind: 'log', family: 'debug', dataArgs } : undefined;
  },
};

/** ['()'] — made by calling the module — followed by any number of ['extend', '()']. */
function isDebugFunction(steps: readonly string[]): boolean {
  if (steps[0] !== '()' || steps.length % 2 === 0) return false;
  for (let index = 1; index < steps.length; index += 2) {
    if (steps[index] !== 'extend' || steps[index + 1] !== '()') return false;
  }
  return true;
}
