import { runSinkTable } from './sinkTable';

runSinkTable('sinks: console', {
  valid: [
    `const console2 = { log() {} }; console2.log(ip);`,
    `logs.push(ip);`,
    `console.time('x');`,
    `myconsole.log(ip);`,
  ],
  invalid: [
    { code: `console.log('ip', ip);`, expect: [{ line: 1, family: 'console', kind: 'log', data: ["'ip'", 'ip'] }] },
    { code: `\nconsole.error(err, user.email);`, expect: [{ line: 2, family: 'console', kind: 'log' }] },
    { code: `window.console.warn(phone);`, expect: [{ line: 1, family: 'console', kind: 'log' }] },
    { code: `console.assert(ok, email);`, expect: [{ line: 1, family: 'console', kind: 'log', data: ['email'] }] },
    {
      code: `console.info(\n  'multi',\n  email,\n);`,
      expect: [{ line: 1, family: 'console', kind: 'log' }],
    },
  ],
});
