// Mixpanel: mixpanel-browser (`mixpanel.track`, `identify`, `register`, `people.set`), the Node
// library (`Mixpanel.init(token).track(…)`, `people.set(distinctId, props)`), React Native, or the
// snippet's global `mixpanel`.
import { librarySink, moduleIs } from './librarySink';

const PEOPLE_METHODS = new Set(['set', 'set_once', 'append', 'union']);

export const mixpanelSink = librarySink({
  id: 'mixpanel',
  family: 'mixpanel',
  kind: 'third-party',
  methods: new Set(['track', 'identify', 'alias', 'register', 'register_once', 'track_pageview', 'set_group', 'import', ...PEOPLE_METHODS]),
  module: moduleIs('mixpanel-browser', 'mixpanel', 'mixpanel-react-native'),
  globals: new Set(['mixpanel']),
  // People methods only on `people`: `mixpanel.people.set(…)`, not `mixpanel.set(…)`.
  accepts: ({ steps }) => !PEOPLE_METHODS.has(steps[steps.length - 1]) || steps[steps.length - 2] === 'people',
});
