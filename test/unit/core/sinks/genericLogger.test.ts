import { runSinkTable } from './sinkTable';

runSinkTable('sinks: generic logger', {
  valid: [
    `dialog.info(email);`,
    `catalog.error(email);`,
    `blog.info(post);`,
    `changelog.warn(entry);`,
    `backlog.error(item);`,
    `logs.push(ip);`,
    `logger.level = 'debug';`,
    `logger.child();`,
    `logger.isLevelEnabled('info');`,
    `logger.setLevel('warn');`,
    `logger.on('error', handler);`,
    `logger.add(transport);`,
    `Math.log(x);`,
    `this.log(email);`,
    `logger.info();`,
    `loginForm.error(email);`,
    `const logging = makeLogging();\nlogging.info(email);`,
  ],
  invalid: [
    { code: `log.info(email);`, expect: [{ line: 1, family: 'logger', kind: 'log', data: ['email'] }] },
    { code: `class A { f() { this.logger.warn('ip', ip); } }`, expect: [{ line: 1, family: 'logger', kind: 'log' }] },
    { code: `auditLog.info({ user });`, expect: [{ line: 1, family: 'logger', kind: 'log' }] },
    { code: `requestLogger.http(req.ip);`, expect: [{ line: 1, family: 'logger', kind: 'log' }] },
    { code: `appLog.notice(phone);`, expect: [{ line: 1, family: 'logger', kind: 'log' }] },
    { code: `securityLogger.critical(\`attempt from \${ip}\`);`, expect: [{ line: 1, family: 'logger', kind: 'log' }] },
    { code: `req.log.info({ email });`, expect: [{ line: 1, family: 'logger', kind: 'log' }] },
    { code: `logger.log('warning', 'login', { ip });`, expect: [{ line: 1, family: 'logger', kind: 'log', data: ["'login'", '{ ip }'] }] },
    {
      code: `logger.child({ userId, email }).info('x');`,
      expect: [
        { line: 1, family: 'logger', kind: 'log', data: ["'x'"] },
        { line: 1, family: 'logger', kind: 'log', data: ['{ userId, email }'] },
      ],
    },
    { code: `import { logger } from './logger';\nlogger.error(err, user);`, expect: [{ line: 2, family: 'logger', kind: 'log' }] },
    { code: `const AUDIT_LOG = getAuditLog();\nAUDIT_LOG.warning(ssn);`, expect: [{ line: 2, family: 'logger', kind: 'log' }] },
  ],
});
