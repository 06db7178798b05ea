import { runSinkTable } from './sinkTable';

runSinkTable('sinks: PostHog', {
  valid: [
    `import posthog from 'posthog-js';\nposthog.init(key, { api_host });`,
    `import posthog from 'posthog-js';\nif (posthog.isFeatureEnabled('x')) go();`,
    `import posthog from 'posthog-js';\nposthog.set({ email });`,
    `import { PostHog } from 'posthog-node';\nconst client = new PostHog(key);\nawait client.shutdown();`,
    `const posthog = new EventBus();\nposthog.capture('x', { email });`,
    `camera.capture(email);`,
  ],
  invalid: [
    { code: `import posthog from 'posthog-js';\nposthog.identify(userId, { email, name });`, expect: [{ line: 2, family: 'posthog', kind: 'third-party', data: ['userId', '{ email, name }'] }] },
    {
      code: `import { PostHog } from 'posthog-node';\nconst client = new PostHog(key);\nclient.capture({ distinctId: email, event: 'login', properties: { ip } });`,
      expect: [{ line: 3, family: 'posthog', kind: 'third-party' }],
    },
    { code: `import { usePostHog } from 'posthog-js/react';\nconst ph = usePostHog();\nph.capture('signup', { phone });`, expect: [{ line: 3, family: 'posthog', kind: 'third-party' }] },
    { code: `window.posthog.people.set({ email });`, expect: [{ line: 1, family: 'posthog', kind: 'third-party' }] },
    { code: `posthog.setPersonProperties({ address });`, expect: [{ line: 1, family: 'posthog', kind: 'third-party' }] },
  ],
});
