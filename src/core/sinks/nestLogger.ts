// NestJS `Logger` from @nestjs/common: `new Logger(X.name)` instances, members typed `Logger` /
// `LoggerService` / `ConsoleLogger`, and the static `Logger.log(…)`.
import { librarySink, moduleIs } from './librarySink';
import { levelSet, loggedArgs } from './loggerArgs';

const NEST_LOGGER_CLASSES = new Set(['Logger', 'ConsoleLogger', 'LoggerService']);

export const nestLoggerSink = librarySink({
  id: 'nestjs-logger',
  family: 'nestjs-logger',
  kind: 'log',
  methods: levelSet('log', 'error', 'warn', 'debug', 'verbose', 'fatal'),
  module: moduleIs('@nestjs/common'),
  accepts: ({ steps }) => NEST_LOGGER_CLASSES.has(steps[0]),
  data: loggedArgs,
});
