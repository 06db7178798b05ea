import { runSinkTable } from './sinkTable';

runSinkTable('sinks: web storage', {
  valid: [
    `const email = localStorage.getItem('email');`,
    `localStorage.removeItem('email');`,
    `const localStorage = new Map();\nlocalStorage.set('email', email);`,
    `import { localStorage } from './fakeStorage';\nlocalStorage.setItem('email', email);`,
    `storage.setItem('email', email);`,
    `const n = localStorage.length;`,
    `form.email = email;`,
  ],
  invalid: [
    { code: `localStorage.setItem('email', email);`, expect: [{ line: 1, family: 'web-storage', kind: 'storage', data: ["'email'", 'email'], expiry: undefined }] },
    { code: `window.localStorage.setItem(\`last-ip-\${id}\`, ip);`, expect: [{ line: 1, family: 'web-storage', kind: 'storage', data: ['`last-ip-${id}`', 'ip'] }] },
    { code: `sessionStorage.setItem('phone', phone);`, expect: [{ line: 1, family: 'web-storage', kind: 'storage', expiry: 'session' }] },
    { code: `localStorage.userEmail = email;`, expect: [{ line: 1, family: 'web-storage', kind: 'storage', data: ['email'] }] },
    { code: `localStorage['profile'] = JSON.stringify(profile);`, expect: [{ line: 1, family: 'web-storage', kind: 'storage', data: ['JSON.stringify(profile)'] }] },
    { code: `localStorage[\`ip:\${ip}\`] = '1';`, expect: [{ line: 1, family: 'web-storage', kind: 'storage', data: ['`ip:${ip}`', "'1'"] }] },
    { code: `const store = window.sessionStorage;\nstore.setItem('ssn', ssn);`, expect: [{ line: 2, family: 'web-storage', kind: 'storage', expiry: 'session' }] },
    { code: `globalThis.localStorage.setItem('address', address);`, expect: [{ line: 1, family: 'web-storage', kind: 'storage' }] },
  ],
});
