import { runSinkTable } from './sinkTable';

runSinkTable('sinks: bunyan', {
  valid: [
    `import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'app' });\nif (log.info()) flush();`,
    `import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'app' });\nlog.addStream(stream);`,
    `import bunyan from 'bunyan';\nconst s = bunyan.stdSerializers;`,
  ],
  invalid: [
    {
      code: `import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'app' });\nlog.info({ email }, 'signup');`,
      expect: [{ line: 3, family: 'bunyan', kind: 'log', data: ['{ email }', "'signup'"] }],
    },
    {
      code: `const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'x' });\nconst reqLog = log.child({ ip: req.ip }, true);`,
      expect: [{ line: 3, family: 'bunyan', kind: 'log', data: ['{ ip: req.ip }'] }],
    },
    {
      code: `import { createLogger } from 'bunyan';\nconst logger = createLogger({ name: 'x' });\nlogger.error(err, 'for %s', phone);`,
      expect: [{ line: 3, family: 'bunyan', kind: 'log' }],
    },
  ],
});
