import { runSinkTable } from './sinkTable';

runSinkTable('sinks: generic analytics', {
  valid: [
    `import { getAnalytics } from 'firebase/analytics';\nconst analytics = getAnalytics(app);\nanalytics.app;`,
    `import { analytics } from 'metrics-lib';\nanalytics.identify(email);`,
    `const analytics = new Map();\nanalytics.track = 1;`,
    `tracker.track('signup', { email });`,
    `analyticsStore.page(email);`,
    `this.analytics.flush();`,
    `analytics.track();`,
    `page.track(email);`,
  ],
  invalid: [
    {
      code: `import { analytics } from '../analytics';\nanalytics.track({ userId, event: 'Billing Region', properties: { billingZip } });`,
      expect: [{ line: 2, family: 'analytics', kind: 'third-party', data: ["{ userId, event: 'Billing Region', properties: { billingZip } }"] }],
    },
    {
      code: `class OrdersService {\n  constructor(private readonly analytics: AnalyticsService) {}\n  f() { this.analytics.identify(userId, { email }); }\n}`,
      expect: [{ line: 3, family: 'analytics', kind: 'third-party' }],
    },
    { code: `productAnalytics.page('checkout', { address });`, expect: [{ line: 1, family: 'analytics', kind: 'third-party' }] },
    { code: `rudderAnalytics.track('x', { phone });`, expect: [{ line: 1, family: 'analytics', kind: 'third-party' }] },
  ],
});
