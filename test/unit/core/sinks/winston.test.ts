import { runSinkTable } from './sinkTable';

const imp = `import winston from 'winston';\n`;

runSinkTable('sinks: winston', {
  valid: [
    `${imp}const fmt = winston.format.printf((info) => info.message);`,
    `${imp}const logger = winston.createLogger({ level: 'info' });\nlogger.add(new winston.transports.Console());`,
    `${imp}const logger = winston.createLogger();\nlogger.level = 'debug';`,
    `${imp}const logger = winston.createLogger();\nlogger.on('finish', () => done());`,
    `${imp}const logger = winston.createLogger();\nif (logger.isLevelEnabled('info')) done();`,
    `${imp}new winston.transports.File({ filename: 'x.log' }).on('error', handle);`,
    `import { info } from './local';\ninfo(email);`,
  ],
  invalid: [
    {
      code: `${imp}const logger = winston.createLogger({ level: 'info' });\nlogger.info('login', { email });`,
      expect: [{ line: 3, family: 'winston', kind: 'log', data: ["'login'", '{ email }'] }],
    },
    { code: `${imp}winston.warn(\`bad ip \${ip}\`);`, expect: [{ line: 2, family: 'winston', kind: 'log', data: ['`bad ip ${ip}`'] }] },
    {
      code: `${imp}const logger = winston.createLogger();\nlogger.log('info', 'user', { phone });`,
      expect: [{ line: 3, family: 'winston', kind: 'log', data: ["'user'", '{ phone }'] }],
    },
    {
      code: `import { createLogger } from 'winston';\nconst log = createLogger();\nlog.error(err, { ip });`,
      expect: [{ line: 3, family: 'winston', kind: 'log' }],
    },
    {
      code: `const winston = require('winston');\nconst appLogger = winston.createLogger();\nappLogger.debug(user.email);`,
      expect: [{ line: 3, family: 'winston', kind: 'log' }],
    },
    {
      code: `const logger = require('winston').createLogger();\nlogger.info(email);`,
      expect: [{ line: 2, family: 'winston', kind: 'log' }],
    },
    {
      code: `${imp}const logger = winston.createLogger();\nconst reqLog = logger.child({ requestId, ip });\nreqLog.info('hit');`,
      expect: [
        { line: 3, family: 'winston', kind: 'log', data: ['{ requestId, ip }'] },
        { line: 4, family: 'winston', kind: 'log' },
      ],
    },
    {
      code: `import type { Logger } from 'winston';\nclass S {\n  constructor(private readonly logger: Logger) {}\n  run() { this.logger.info('x', { email: this.email }); }\n}`,
      expect: [{ line: 4, family: 'winston', kind: 'log' }],
    },
    {
      code: `${imp}const audit = winston.loggers.get('audit');\naudit.info({ user });`,
      expect: [{ line: 3, family: 'winston', kind: 'log' }],
    },
  ],
});
