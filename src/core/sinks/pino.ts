// pino: `pino()` instances and `.child(bindings)` children (the bindings go on every line), the
// NestJS wrappers of nestjs-pino (`PinoLogger`, `assign(fields)`), pino-http's logger, and
// Fastify's built-in pino (`app.log.info`).
import { librarySink, moduleIs } from './librarySink';
import { pinoConfiguration } from './config/pinoConfig';
import { levelSet, loggedArgs } from './loggerArgs';

const PINO_METHODS = levelSet('trace', 'debug', 'info', 'warn', 'error', 'fatal', 'child', 'log', 'verbose', 'assign');

export const pinoSink = librarySink({
  id: 'pino',
  family: 'pino',
  kind: 'log',
  methods: PINO_METHODS,
  module: moduleIs('pino', 'nestjs-pino', 'pino-http', 'fastify'),
  // From Fastify only its logger (`app.log.info`); nestjs-pino's `log`/`verbose` are its Nest-style levels.
  accepts: ({ module, steps }) => (module === 'fastify' ? steps.includes('log') : !steps.includes('destination')),
  data: loggedArgs,
  configure: (site, chain, _context, dataArgs) => pinoConfiguration(site, chain, dataArgs),
});
