import { runSinkTable } from './sinkTable';

runSinkTable('sinks: Google Tag Manager', {
  valid: [
    `layers.push({ email });`,
    `this.dataLayers.push(email);`,
    `import { dataLayer } from './fake';\ndataLayer.push({ email });`,
    `window.dataLayer.length;`,
  ],
  invalid: [
    { code: `window.dataLayer.push({ event: 'login', userEmail: email });`, expect: [{ line: 1, family: 'google-tag-manager', kind: 'third-party', data: ["{ event: 'login', userEmail: email }"] }] },
    { code: `dataLayer.push({ event: 'purchase', phone });`, expect: [{ line: 1, family: 'google-tag-manager', kind: 'third-party' }] },
    { code: `const dataLayer = window.dataLayer || [];\ndataLayer.push({ ip });`, expect: [{ line: 2, family: 'google-tag-manager', kind: 'third-party' }] },
  ],
});
