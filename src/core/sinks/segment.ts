// Segment: `analytics.track/identify/page/group/alias/screen` on an Analytics from
// @segment/analytics-node (`new Analytics({ writeKey })`), the legacy analytics-node,
// @segment/analytics-next (`AnalyticsBrowser.load(…)`), React Native, or the snippet's global
// `analytics` / `window.analytics`.
import { librarySink, moduleIs } from './librarySink';

export const segmentSink = librarySink({
  id: 'segment',
  family: 'segment',
  kind: 'third-party',
  methods: new Set(['track', 'identify', 'page', 'group', 'alias', 'screen']),
  module: moduleIs('@segment/analytics-node', '@segment/analytics-next', '@segment/analytics-react-native', 'analytics-node'),
  globals: new Set(['analytics']),
});
