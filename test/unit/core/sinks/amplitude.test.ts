import { runSinkTable } from './sinkTable';

runSinkTable('sinks: Amplitude', {
  valid: [
    `import * as amplitude from '@amplitude/analytics-browser';\namplitude.init(key);`,
    `import * as amplitude from '@amplitude/analytics-browser';\namplitude.set('x', email);`,
    `import * as amplitude from '@amplitude/analytics-browser';\nawait amplitude.flush();`,
    `import { track } from 'telemetry-lib';\ntrack('x', { email });`,
    `import { Identify } from '@amplitude/analytics-browser';\nconst event = new Identify();\nevent.unset('email');`,
    `const identify = new Map();\nidentify.set('email', email);`,
  ],
  invalid: [
    { code: `import * as amplitude from '@amplitude/analytics-browser';\namplitude.track('Sign Up', { email });`, expect: [{ line: 2, family: 'amplitude', kind: 'third-party', data: ["'Sign Up'", '{ email }'] }] },
    { code: `import { setUserId } from '@amplitude/analytics-browser';\nsetUserId(email);`, expect: [{ line: 2, family: 'amplitude', kind: 'third-party', data: ['email'] }] },
    {
      code: `import { Identify, identify } from '@amplitude/analytics-browser';\nconst event = new Identify();\nevent.set('phone', phone);\nidentify(event);`,
      expect: [
        { line: 3, family: 'amplitude', kind: 'third-party', data: ['phone'] },
        { line: 4, family: 'amplitude', kind: 'third-party', data: ['event'] },
      ],
    },
    { code: `import amplitude from 'amplitude-js';\namplitude.getInstance().logEvent('login', { ip });`, expect: [{ line: 2, family: 'amplitude', kind: 'third-party' }] },
    { code: `amplitude.setUserId(username);`, expect: [{ line: 1, family: 'amplitude', kind: 'third-party' }] },
  ],
});
