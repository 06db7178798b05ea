import { runSinkTable } from './sinkTable';

runSinkTable('sinks: log4js', {
  valid: [
    `import log4js from 'log4js';\nlog4js.configure({ appenders: {}, categories: {} });`,
    `import log4js from 'log4js';\nconst logger = log4js.getLogger();\nlogger.level = 'debug';`,
    `import log4js from 'log4js';\nconst logger = log4js.getLogger();\nlogger.removeContext('user');`,
    `import log4js from 'log4js';\nconst logger = log4js.getLogger();\nlogger.isDebugEnabled();`,
  ],
  invalid: [
    {
      code: `import log4js from 'log4js';\nconst logger = log4js.getLogger('auth');\nlogger.info('login from', ip);`,
      expect: [{ line: 3, family: 'log4js', kind: 'log', data: ["'login from'", 'ip'] }],
    },
    {
      code: `const log4js = require('log4js');\nconst logger = log4js.getLogger();\nlogger.addContext('user', email);`,
      expect: [{ line: 3, family: 'log4js', kind: 'log', data: ['email'] }],
    },
    {
      code: `import { getLogger } from 'log4js';\nconst log = getLogger();\nlog.mark(phone);`,
      expect: [{ line: 3, family: 'log4js', kind: 'log' }],
    },
  ],
});
