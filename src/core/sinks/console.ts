// console.log / info / warn / error / debug / trace / dir / table
import type { SinkRecognizer } from './types';

const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'assert']);

export const consoleSink: SinkRecognizer = {
  id: 'console',
  family: 'console',
  kind: 'log',
  matchCall(site) {
    // console.x, window.console.x, globalThis.console.x
    const path = site.calleePath[0] === 'window' || site.calleePath[0] === 'globalThis' ? site.calleePath.slice(1) : site.calleePath;
    const [root, method, ...rest] = path;
    if (root !== 'console' || rest.length > 0 || !CONSOLE_METHODS.has(method)) return undefined;
    // console.assert(condition, ...data): the condition is not written out.
    const args = method === 'assert' ? site.call.arguments.slice(1) : site.call.arguments;
    return { kind: 'log', family: 'console', dataArgs: [...args] };
  },
};
