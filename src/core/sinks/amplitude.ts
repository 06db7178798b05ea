// Amplitude: the Browser / Node / React Native SDKs (`amplitude.track`, named imports such as
// `track(…)` and `setUserId(…)`), the legacy amplitude-js (`amplitude.getInstance().logEvent`),
// the snippet's global `amplitude`, and user properties set on an `Identify` object
// (`new Identify().set('email', email)` — the property name is not data, the value is).
import { librarySink, moduleIs } from './librarySink';
import { valueArgs } from './options';

const IDENTIFY_OPERATIONS = new Set(['set', 'setOnce', 'append', 'prepend', 'preInsert', 'postInsert', 'add']);

export const amplitudeSink = librarySink({
  id: 'amplitude',
  family: 'amplitude',
  kind: 'third-party',
  methods: new Set([
    'track', 'logEvent', 'identify', 'groupIdentify', 'setUserId', 'setDeviceId', 'setGroup', 'setUserProperties', 'revenue',
    ...IDENTIFY_OPERATIONS,
  ]),
  module: moduleIs('@amplitude/analytics-browser', '@amplitude/analytics-node', '@amplitude/analytics-react-native', '@amplitude/unified', '@amplitude/node', 'amplitude-js'),
  globals: new Set(['amplitude']),
  accepts: ({ steps }) => IDENTIFY_OPERATIONS.has(steps[steps.length - 1]) === steps.includes('Identify'),
  data: (site) => valueArgs(IDENTIFY_OPERATIONS.has(site.method) ? site.call.arguments.slice(1) : site.call.arguments),
});
