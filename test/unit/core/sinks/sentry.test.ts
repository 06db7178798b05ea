import { runSinkTable } from './sinkTable';

runSinkTable('sinks: Sentry', {
  valid: [
    `import * as Sentry from '@sentry/node';\nSentry.init({ dsn });`,
    `import * as Sentry from '@sentry/node';\nSentry.flush(2000);`,
    `import * as Sentry from '@sentry/node';\nSentry.startSpan({ name: 'x' }, () => work());`,
    `const Sentry = { setUser() {} };\nSentry.setUser(user);`,
    `tracker.captureException(err);`,
  ],
  invalid: [
    { code: `import * as Sentry from '@sentry/node';\nSentry.setUser({ email, ip_address: ip });`, expect: [{ line: 2, family: 'sentry', kind: 'log', data: ['{ email, ip_address: ip }'] }] },
    { code: `import * as Sentry from '@sentry/browser';\nSentry.setTag('user_email', email);`, expect: [{ line: 2, family: 'sentry', kind: 'log', data: ['email'] }] },
    { code: `import * as Sentry from '@sentry/node';\nSentry.setContext('customer', { phone });`, expect: [{ line: 2, family: 'sentry', kind: 'log', data: ['{ phone }'] }] },
    { code: `import { captureMessage } from '@sentry/nextjs';\ncaptureMessage(\`failed for \${email}\`);`, expect: [{ line: 2, family: 'sentry', kind: 'log' }] },
    { code: `Sentry.captureException(err, { extra: { ip } });`, expect: [{ line: 1, family: 'sentry', kind: 'log' }] },
    {
      code: `import * as Sentry from '@sentry/node';\nSentry.withScope((scope) => {\n  scope.setExtra('card', card);\n});`,
      expect: [{ line: 3, family: 'sentry', kind: 'log', data: ['card'] }],
    },
    { code: `import * as Sentry from '@sentry/react';\nSentry.getCurrentScope().setUser({ username });`, expect: [{ line: 2, family: 'sentry', kind: 'log' }] },
    { code: `const Sentry = require('@sentry/node');\nSentry.addBreadcrumb({ message: email });`, expect: [{ line: 2, family: 'sentry', kind: 'log' }] },
  ],
});
