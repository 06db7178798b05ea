// PostHog: posthog-js (`posthog.capture`, `usePostHog()` from posthog-js/react), posthog-node
// (`new PostHog(key).capture({ distinctId, event, properties })`), React Native, or the snippet's
// global `posthog`. Person properties too: `setPersonProperties`, `register`, `people.set`.
import { librarySink, moduleIs } from './librarySink';

const PEOPLE_METHODS = new Set(['set', 'set_once']);

export const posthogSink = librarySink({
  id: 'posthog',
  family: 'posthog',
  kind: 'third-party',
  methods: new Set([
    'capture', 'identify', 'alias', 'group', 'groupIdentify', 'setPersonProperties', 'setPersonPropertiesForFlags',
    'register', 'register_once', 'registerOnce', ...PEOPLE_METHODS,
  ]),
  module: moduleIs('posthog-js', 'posthog-node', 'posthog-react-native'),
  globals: new Set(['posthog']),
  // `set` only on the legacy people API: `posthog.people.set({ email })`.
  accepts: ({ steps }) => !PEOPLE_METHODS.has(steps[steps.length - 1]) || steps[steps.length - 2] === 'people',
});
