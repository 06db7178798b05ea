// Sentry (any @sentry/* SDK, or the loader script's global `Sentry`): captured messages and
// exceptions, user/context/extra/tag data and breadcrumbs are kept with every event. Scopes count
// too: `Sentry.getCurrentScope().setUser(…)`, `Sentry.withScope((scope) => scope.setExtra(…))`.
import { sentryRedactions } from './config/sentryConfig';
import { librarySink } from './librarySink';
import { valueArgs } from './options';

/** Methods whose first argument is only a key: `setTag('email', email)` stores the value. */
const KEYED_METHODS = new Set(['setContext', 'setExtra', 'setTag']);

export const sentrySink = librarySink({
  id: 'sentry',
  family: 'sentry',
  kind: 'log',
  methods: new Set([
    'captureMessage', 'captureException', 'captureEvent',
    'setUser', 'setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'addBreadcrumb',
  ]),
  module: (specifier) => specifier.startsWith('@sentry/'),
  globals: new Set(['Sentry']),
  data: (site) => valueArgs(KEYED_METHODS.has(site.method) ? site.call.arguments.slice(1) : site.call.arguments),
  configure: (site, chain, context) => ({ redactions: sentryRedactions(site, chain, context) }),
});
