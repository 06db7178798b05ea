// Sentry's beforeSend / beforeBreadcrumb at the sink: the paths they remove, and where each
// capture method's arguments sit in the event.
import { runSinkTable } from './sinkTable';

const S = `import * as Sentry from '@sentry/node';\n`;
const SCRUB_USER = `Sentry.init({ dsn, beforeSend(event) { if (event.user) { delete event.user.email; delete event.user.ip_address; } return event; } });\n`;

runSinkTable('sinks: Sentry configuration', {
  valid: [],
  invalid: [
    { code: `${S}${SCRUB_USER}Sentry.setUser({ id, email });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['user.email@user={ id, email }', 'user.ip_address@user={ id, email }'] }] },
    { code: `${S}${SCRUB_USER}Sentry.setExtra('email', email);`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['user.email@extra.email=email', 'user.ip_address@extra.email=email'] }] },
    { code: `${S}${SCRUB_USER}Sentry.captureException(err, { user: { email } });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['user.email@exception=err', 'user.ip_address@exception=err', 'user.email@{ user: { email } }', 'user.ip_address@{ user: { email } }'] }] },
    {
      code: `${S}function scrub(event) { event.user = { id: event.user?.id }; return event; }\nSentry.init({ beforeSend: scrub });\nSentry.setUser(user);`,
      expect: [{ line: 4, family: 'sentry', kind: 'log', redacts: ['user{id}@user=user'] }],
    },
    { code: `${S}Sentry.init({ beforeBreadcrumb: (crumb) => { delete crumb.data; return crumb; } });\nSentry.addBreadcrumb({ data: { email } });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['data@{ data: { email } }'] }] },
    { code: `${S}Sentry.init({ beforeSend: () => null });\nSentry.captureMessage(email);`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['(everything)@message=email'] }] },
    { code: `${S}Sentry.init({ beforeSend(event) { console.log(event.user.email); return event; } });\nSentry.setUser({ email });`, expect: [{ line: 2, family: 'console', kind: 'log' }, { line: 3, family: 'sentry', kind: 'log', redacts: [] }] },
    { code: `${S}Sentry.setUser({ email });`, expect: [{ line: 2, family: 'sentry', kind: 'log', redacts: [] }] },
    // an edit under a condition on the content, or on anything but the fields' existence, may not happen
    { code: `${S}Sentry.init({ beforeBreadcrumb(crumb) { if (crumb.category === 'http') delete crumb.data; return crumb; } });\nSentry.addBreadcrumb({ data: { email } });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: [] }] },
    { code: `${S}Sentry.init({ beforeSend(event) { if (isProduction) delete event.user; return event; } });\nSentry.setUser({ email });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: [] }] },
    { code: `${S}Sentry.init({ beforeSend(event) { event.user && delete event.user.email; return event; } });\nSentry.setUser({ email });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['user.email@user={ email }'] }] },
    { code: `${S}Sentry.init({ beforeSend(event) { if (!event.user) return event; delete event.user.email; return event; } });\nSentry.setUser({ email });`, expect: [{ line: 3, family: 'sentry', kind: 'log', redacts: ['user.email@user={ email }'] }] },
  ],
});
