// bunyan: `bunyan.createLogger(…)` instances and `log.child(fields)` children.
import { librarySink, moduleIs } from './librarySink';
import { bunyanConfiguration } from './config/bunyanConfig';
import { levelSet, loggedArgs } from './loggerArgs';

export const bunyanSink = librarySink({
  id: 'bunyan',
  family: 'bunyan',
  kind: 'log',
  methods: levelSet('trace', 'debug', 'info', 'warn', 'error', 'fatal', 'child'),
  module: moduleIs('bunyan'),
  data: loggedArgs,
  configure: (_site, chain) => bunyanConfiguration(chain),
});
