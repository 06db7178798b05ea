import { runSinkTable } from './sinkTable';

runSinkTable('sinks: gtag', {
  valid: [
    `gtag('js', new Date());`,
    `gtag('consent', 'update', { analytics_storage: 'granted' });`,
    `gtag('get', id, 'client_id', cb);`,
    `import ReactGA from 'react-ga4';\nReactGA.gtag('event', 'x', { email });`,
    `tracker.gtag('event', 'login', { email });`,
    `gtag('event');`,
  ],
  invalid: [
    { code: `gtag('event', 'login', { method: 'email', user_email: email });`, expect: [{ line: 1, family: 'gtag', kind: 'third-party', data: ["'login'", "{ method: 'email', user_email: email }"] }] },
    { code: `gtag('config', 'G-XXXX', { user_id: userId });`, expect: [{ line: 1, family: 'gtag', kind: 'third-party' }] },
    { code: `window.gtag('set', 'user_data', { email, phone_number: phone });`, expect: [{ line: 1, family: 'gtag', kind: 'third-party', data: ["'user_data'", '{ email, phone_number: phone }'] }] },
    {
      // The snippet's own body is a Google Tag Manager sink too: a wrapper the flow analysis sees through.
      code: `function gtag() { dataLayer.push(arguments); }\ngtag('event', 'purchase', { address });`,
      expect: [
        { line: 1, family: 'google-tag-manager', kind: 'third-party' },
        { line: 2, family: 'gtag', kind: 'third-party' },
      ],
    },
    { code: `import { gtag } from 'ga-gtag';\ngtag('event', 'login', { email });`, expect: [{ line: 2, family: 'gtag', kind: 'third-party' }] },
  ],
});
