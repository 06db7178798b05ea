import { runSinkTable } from './sinkTable';

runSinkTable('sinks: loglevel', {
  valid: [
    `import log from 'loglevel';\nlog.setLevel('warn');`,
    `import log from 'loglevel';\nlog.enableAll();`,
    `import log from 'loglevel';\nconst level = log.getLevel();`,
  ],
  invalid: [
    { code: `import log from 'loglevel';\nlog.info('user', email);`, expect: [{ line: 2, family: 'loglevel', kind: 'log', data: ["'user'", 'email'] }] },
    { code: `const log = require('loglevel');\nlog.warn(ip);`, expect: [{ line: 2, family: 'loglevel', kind: 'log' }] },
    { code: `import log from 'loglevel';\nconst authLog = log.getLogger('auth');\nauthLog.error(phone);`, expect: [{ line: 3, family: 'loglevel', kind: 'log' }] },
  ],
});
