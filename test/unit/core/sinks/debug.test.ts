import { runSinkTable } from './sinkTable';

runSinkTable('sinks: debug', {
  valid: [
    `import createDebug from 'debug';\nconst debug = createDebug('app');`,
    `import createDebug from 'debug';\ncreateDebug.enable('app:*');`,
    `import createDebug from 'debug';\nconst debug = createDebug('app');\ndebug.enabled = true;`,
    `function debug(x) { return x; }\ndebug(email);`,
    `import { debug } from './util';\ndebug(email);`,
    `const debug = require('debug')('app');\ndebug();`,
  ],
  invalid: [
    { code: `const debug = require('debug')('app:auth');\ndebug('login %s', email);`, expect: [{ line: 2, family: 'debug', kind: 'log', data: ["'login %s'", 'email'] }] },
    { code: `import createDebug from 'debug';\nconst log = createDebug('app');\nlog(ip);`, expect: [{ line: 3, family: 'debug', kind: 'log' }] },
    {
      code: `import createDebug from 'debug';\nconst base = createDebug('app');\nconst dbgAuth = base.extend('auth');\ndbgAuth(\`user \${phone}\`);`,
      expect: [{ line: 4, family: 'debug', kind: 'log' }],
    },
    { code: `import debug from 'debug';\ndebug('app')(email);`, expect: [{ line: 2, family: 'debug', kind: 'log', data: ['email'] }] },
    {
      code: `import createDebug from 'debug';\nclass A {\n  private debug = createDebug('a');\n  f() { this.debug(ip); }\n}`,
      expect: [{ line: 4, family: 'debug', kind: 'log' }],
    },
  ],
});
