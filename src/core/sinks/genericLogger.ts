// The fallback for loggers the file does not identify: a receiver whose name's last word is
// `log` or `logger` (`log`, `this.logger`, `auditLog`, `req.log`, `securityLogger`) calling a
// level method. Words, not substrings: `catalog`, `dialog`, `blog`, `changelog`, `backlog` and
// `logs` are not loggers. Runs after every specific recogniser.
import { loggedArgs, levelSet } from './loggerArgs';
import { lastWord } from './names';
import type { SinkRecognizer } from './types';

const GENERIC_LEVELS = levelSet(
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log',
  'notice', 'critical', 'verbose', 'silly', 'http', 'child',
);
const LOGGER_WORDS = new Set(['log', 'logger']);

export const genericLoggerSink: SinkRecognizer = {
  id: 'logger',
  family: 'logger',
  kind: 'log',
  matchCall(site, context) {
    if (!GENERIC_LEVELS.has(site.method)) return undefined;
    const name = loggerName(site.receiverPath);
    if (!name || !(LOGGER_WORDS.has(lastWord(name) ?? '') || context.extraLoggerNames.has(name))) return undefined;
    const dataArgs = loggedArgs(site);
    return dataArgs.length > 0 ? { kind: 'log', family: 'logger', dataArgs } : undefined;
  },
};

/** The receiver's own name, looking through children: `logger.child({…}).info` → 'logger'. */
function loggerName(receiverPath: readonly string[]): string | undefined {
  for (let index = receiverPath.length - 1; index >= 0; index--) {
    const segment = receiverPath[index];
    if (segment === 'child()' || segment === 'this') continue;
    return segment.replace(/(?:\(\))+$/, '');
  }
  return undefined;
}
