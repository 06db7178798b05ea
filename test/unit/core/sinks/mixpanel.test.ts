import { runSinkTable } from './sinkTable';

runSinkTable('sinks: Mixpanel', {
  valid: [
    `import mixpanel from 'mixpanel-browser';\nmixpanel.init(token);`,
    `import mixpanel from 'mixpanel-browser';\nmixpanel.reset();`,
    `import mixpanel from 'mixpanel-browser';\nmixpanel.set('x', email);`,
    `const people = new Map();\npeople.set(email, user);`,
    `const mixpanel = createFakeTracker();\nmixpanel.track('x', { email });`,
  ],
  invalid: [
    { code: `import mixpanel from 'mixpanel-browser';\nmixpanel.track('Login', { email, ip });`, expect: [{ line: 2, family: 'mixpanel', kind: 'third-party', data: ["'Login'", '{ email, ip }'] }] },
    { code: `import mixpanel from 'mixpanel-browser';\nmixpanel.people.set({ $email: email, $phone: phone });`, expect: [{ line: 2, family: 'mixpanel', kind: 'third-party' }] },
    { code: `const Mixpanel = require('mixpanel');\nconst mp = Mixpanel.init(token);\nmp.people.set_once(userId, { address });`, expect: [{ line: 3, family: 'mixpanel', kind: 'third-party', data: ['userId', '{ address }'] }] },
    { code: `mixpanel.identify(email);`, expect: [{ line: 1, family: 'mixpanel', kind: 'third-party' }] },
    { code: `import mixpanel from 'mixpanel-browser';\nmixpanel.register({ username });`, expect: [{ line: 2, family: 'mixpanel', kind: 'third-party' }] },
  ],
});
