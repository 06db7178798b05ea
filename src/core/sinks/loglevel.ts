// loglevel: `import log from 'loglevel'`, `log.getLogger('name')`.
import { librarySink, moduleIs } from './librarySink';
import { COMMON_LEVELS, levelSet, loggedArgs } from './loggerArgs';

export const loglevelSink = librarySink({
  id: 'loglevel',
  family: 'loglevel',
  kind: 'log',
  methods: levelSet(...COMMON_LEVELS.filter((level) => level !== 'fatal')),
  module: moduleIs('loglevel'),
  data: loggedArgs,
});
