import { runSinkTable } from './sinkTable';

runSinkTable('sinks: consola', {
  valid: [
    `import { consola } from 'consola';\nconsola.level = 4;`,
    `import { consola } from 'consola';\nconsola.wrapConsole();`,
    `import { consola } from 'consola';\nawait consola.prompt('Name?');`,
    `const consola = { info() {} };\nconsola.info(email);`,
  ],
  invalid: [
    { code: `import { consola } from 'consola';\nconsola.success('created', email);`, expect: [{ line: 2, family: 'consola', kind: 'log', data: ["'created'", 'email'] }] },
    { code: `import { createConsola } from 'consola';\nconst c = createConsola();\nc.info(ip);`, expect: [{ line: 3, family: 'consola', kind: 'log' }] },
    { code: `consola.warn(\`phone \${phone}\`);`, expect: [{ line: 1, family: 'consola', kind: 'log' }] },
    { code: `import consola from 'consola';\nconsola.withTag('auth').box(user);`, expect: [{ line: 2, family: 'consola', kind: 'log' }] },
  ],
});
