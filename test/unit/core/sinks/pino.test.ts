import { runSinkTable } from './sinkTable';

runSinkTable('sinks: pino', {
  valid: [
    `import pino from 'pino';\nconst dest = pino.destination('/tmp/x.log');\ndest.write(line);`,
    `import pino from 'pino';\nconst log = pino();\nlog.level = 'info';`,
    `import pino from 'pino';\nconst log = pino();\nlog.child();`,
    `import pino from 'pino';\nconst log = pino();\nlog.isLevelEnabled('debug');`,
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.inject({ url: '/x' });`,
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.register(plugin, { prefix });`,
  ],
  invalid: [
    { code: `import pino from 'pino';\nconst log = pino();\nlog.info({ ip }, 'login');`, expect: [{ line: 3, family: 'pino', kind: 'log', data: ['{ ip }', "'login'"] }] },
    { code: `const logger = require('pino')();\nlogger.warn(email);`, expect: [{ line: 2, family: 'pino', kind: 'log' }] },
    {
      code: `import pino from 'pino';\nconst base = pino({ level: 'info' });\nconst child = base.child({ userEmail }, { level: 'debug' });\nchild.error('failed');`,
      expect: [
        { line: 3, family: 'pino', kind: 'log', data: ['{ userEmail }'] },
        { line: 4, family: 'pino', kind: 'log', data: ["'failed'"] },
      ],
    },
    {
      code: `import pino from 'pino';\nconst log = pino();\nlog.child({ ip }).info('x');`,
      expect: [
        { line: 3, family: 'pino', kind: 'log', data: ["'x'"] },
        { line: 3, family: 'pino', kind: 'log', data: ['{ ip }'] },
      ],
    },
    {
      code: `import { PinoLogger } from 'nestjs-pino';\nclass A {\n  constructor(private readonly logger: PinoLogger) {}\n  f() { this.logger.assign({ userId, email }); }\n}`,
      expect: [{ line: 4, family: 'pino', kind: 'log' }],
    },
    { code: `import Fastify from 'fastify';\nconst app = Fastify({ logger: true });\napp.log.info({ ip: req.ip });`, expect: [{ line: 3, family: 'pino', kind: 'log' }] },
    {
      code: `import type { Logger } from 'pino';\nfunction handle(log: Logger, phone: string) { log.debug(phone); }`,
      expect: [{ line: 2, family: 'pino', kind: 'log' }],
    },
  ],
});
