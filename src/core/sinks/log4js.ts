// log4js: `log4js.getLogger(…)` loggers; `addContext(key, value)` prints the value on every line.
import { librarySink, moduleIs } from './librarySink';
import { log4jsConfiguration } from './config/log4jsConfig';
import { levelSet, loggedArgs } from './loggerArgs';
import { valueArgs } from './options';

export const log4jsSink = librarySink({
  id: 'log4js',
  family: 'log4js',
  kind: 'log',
  methods: levelSet('trace', 'debug', 'info', 'warn', 'error', 'fatal', 'mark', 'log', 'addContext'),
  module: moduleIs('log4js'),
  data: (site) => (site.method === 'addContext' ? valueArgs(site.call.arguments.slice(1)) : loggedArgs(site)),
  configure: (_site, chain, context) => log4jsConfiguration(chain, context),
});
