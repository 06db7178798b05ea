// consola: the `consola` instance (imported, or the global Nuxt/UnJS projects auto-import),
// `createConsola()`, `consola.withTag('x')`.
import { librarySink, moduleIs } from './librarySink';
import { levelSet, loggedArgs } from './loggerArgs';

export const consolaSink = librarySink({
  id: 'consola',
  family: 'consola',
  kind: 'log',
  methods: levelSet('info', 'start', 'box', 'success', 'fail', 'ready', 'warn', 'error', 'log', 'debug', 'trace', 'fatal', 'verbose'),
  module: moduleIs('consola'),
  globals: new Set(['consola']),
  data: loggedArgs,
});
