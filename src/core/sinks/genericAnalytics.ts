// The fallback for analytics clients the file does not identify: a receiver whose name's last
// word is `analytics` (`analytics`, `this.analytics`, `productAnalytics`) calling the analytics.js
// methods (`track`, `identify`, `page`, `group`, `alias`, `screen`) — the API Segment, RudderStack
// and most in-house wrappers share. Typical: `import { analytics } from '../analytics'`, a client
// created in another file of the project. Another package's object by that name is not matched
// (Firebase's `getAnalytics()` has no such methods anyway), nor a Map or Set.
import { valueArgs } from './options';
import { isProjectModule, lastWord } from './names';
import { receiverChain } from './provenance';
import type { SinkRecognizer } from './types';

const ANALYTICS_METHODS = new Set(['track', 'identify', 'page', 'group', 'alias', 'screen']);
const BUILTIN_CONTAINERS = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'Array', 'Object']);

export const genericAnalyticsSink: SinkRecognizer = {
  id: 'analytics',
  family: 'analytics',
  kind: 'third-party',
  matchCall(site, context) {
    if (!ANALYTICS_METHODS.has(site.method)) return undefined;
    const name = site.receiverPath[site.receiverPath.length - 1];
    if (!name || lastWord(name) !== 'analytics') return undefined;
    const chain = receiverChain(site, context);
    if (!chain || (chain.module !== undefined && !isProjectModule(chain.module)) || BUILTIN_CONTAINERS.has(chain.root)) return undefined;
    const dataArgs = valueArgs(site.call.arguments);
    return dataArgs.length > 0 ? { kind: 'third-party', family: 'analytics', dataArgs } : undefined;
  },
};
