// winston: `winston.createLogger(…)` instances and their children, the default logger
// (`winston.info`), `winston.loggers.get(…)`, typed `winston.Logger`; `logger.log('info', msg, meta)`.
import { librarySink, moduleIs } from './librarySink';
import { winstonConfiguration } from './config/winstonConfig';
import { levelSet, loggedArgs } from './loggerArgs';

const WINSTON_METHODS = levelSet(
  // npm levels, syslog levels, the generic `log`, and `child(defaultMeta)`
  'error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly',
  'emerg', 'alert', 'crit', 'warning', 'notice',
  'log', 'child',
);

export const winstonSink = librarySink({
  id: 'winston',
  family: 'winston',
  kind: 'log',
  methods: WINSTON_METHODS,
  module: moduleIs('winston'),
  // `winston.format.*` and `winston.transports.*` are not loggers.
  accepts: ({ steps }) => !steps.includes('format') && !steps.includes('transports'),
  data: loggedArgs,
  configure: (_site, chain, _context, dataArgs) => winstonConfiguration(chain, dataArgs),
});
