import { runSinkTable } from './sinkTable';

runSinkTable('sinks: Segment', {
  valid: [
    `import { Analytics } from '@segment/analytics-node';\nconst analytics = new Analytics({ writeKey });\nawait analytics.closeAndFlush();`,
    `import { getAnalytics, logEvent } from 'firebase/analytics';\nconst analytics = getAnalytics(app);\nanalytics.track('x', { email });`,
    `import { analytics } from 'metrics-lib';\nanalytics.identify(email);`,
    `tracker.track('signup', { email });`,
  ],
  invalid: [
    {
      code: `import { Analytics } from '@segment/analytics-node';\nconst analytics = new Analytics({ writeKey });\nanalytics.identify({ userId, traits: { email, phone } });`,
      expect: [{ line: 3, family: 'segment', kind: 'third-party', data: ['{ userId, traits: { email, phone } }'] }],
    },
    { code: `const Analytics = require('analytics-node');\nconst client = new Analytics(key);\nclient.track({ userId, event: 'Login', properties: { ip } });`, expect: [{ line: 3, family: 'segment', kind: 'third-party' }] },
    { code: `import { AnalyticsBrowser } from '@segment/analytics-next';\nconst analytics = AnalyticsBrowser.load({ writeKey });\nanalytics.page('Home', { email });`, expect: [{ line: 3, family: 'segment', kind: 'third-party' }] },
    { code: `window.analytics.track('Signed Up', { email });`, expect: [{ line: 1, family: 'segment', kind: 'third-party', data: ["'Signed Up'", '{ email }'] }] },
    { code: `analytics.alias(email);`, expect: [{ line: 1, family: 'segment', kind: 'third-party' }] },
  ],
});
