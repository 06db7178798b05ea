import { runSinkTable } from './sinkTable';

runSinkTable('sinks: document.cookie', {
  valid: [
    `const all = document.cookie;`,
    `const document = { cookie: '' };\ndocument.cookie = email;`,
    `doc.cookie = email;`,
    `document.title = email;`,
    `jar.cookie = \`email=\${email}\`;`,
  ],
  invalid: [
    { code: `document.cookie = \`email=\${email}; path=/\`;`, expect: [{ line: 1, family: 'cookie', kind: 'storage', data: ['`email=${email}; path=/`'], expiry: undefined }] },
    { code: `document.cookie = 'ip=' + ip + '; max-age=3600';`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'PT1H' }] },
    { code: `document.cookie = \`phone=\${phone}; Max-Age=\${60 * 60 * 24}; path=/\`;`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'P1D' }] },
    {
      code: `const DAY = 86_400_000;\ndocument.cookie = \`user=\${username}; expires=\${new Date(Date.now() + 7 * DAY).toUTCString()}\`;`,
      expect: [{ line: 2, family: 'cookie', kind: 'storage', expiry: 'P7D' }],
    },
    { code: `document.cookie = 'email=' + email + '; expires=Thu, 01 Jan 2030 00:00:00 GMT';`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'unknown' }] },
    { code: `window.document.cookie = [\`ip=\${ip}\`, 'max-age=600'].join('; ');`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'PT600S' }] },
    { code: `document.cookie = \`ip=\${ip}; max-age=\${maxAge}\`;`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'unknown' }] },
  ],
});
