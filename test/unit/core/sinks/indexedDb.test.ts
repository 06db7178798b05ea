import { runSinkTable } from './sinkTable';

runSinkTable('sinks: IndexedDB', {
  valid: [
    `const seen = new Set();\nseen.add(ip);`,
    `store.put(user);`,
    `cache.put(request, response);`,
    `const os = tx.objectStore('users');\nos.get(email);`,
    `import { openDB } from 'idb';\nconst db = await openDB('app', 1);\nawait db.get('users', email);`,
    `import { get } from 'idb-keyval';\nawait get('email');`,
    `import { set } from './keyval';\nset('email', email);`,
  ],
  invalid: [
    {
      code: `const tx = db.transaction('users', 'readwrite');\ntx.objectStore('users').put({ email, phone });`,
      expect: [{ line: 2, family: 'indexeddb', kind: 'storage', data: ['{ email, phone }'] }],
    },
    {
      code: `const store = db.transaction('visits', 'readwrite').objectStore('visits');\nstore.add(visit, ip);`,
      expect: [{ line: 2, family: 'indexeddb', kind: 'storage', data: ['visit', 'ip'] }],
    },
    {
      code: `import { openDB } from 'idb';\nconst db = await openDB('app', 1);\nawait db.put('profiles', profile, email);`,
      expect: [{ line: 3, family: 'indexeddb', kind: 'storage', data: ['profile', 'email'] }],
    },
    {
      code: `import { openDB } from 'idb';\nconst db = await openDB('app', 1);\nconst tx = db.transaction('users', 'readwrite');\nawait tx.store.add(user);`,
      expect: [{ line: 4, family: 'indexeddb', kind: 'storage', data: ['user'] }],
    },
    { code: `import { set } from 'idb-keyval';\nawait set('email', email);`, expect: [{ line: 2, family: 'indexeddb', kind: 'storage', data: ["'email'", 'email'] }] },
  ],
});
