import { runSinkTable } from './sinkTable';

runSinkTable('sinks: knex', {
  valid: [
    `import knex from 'knex';\nconst db = knex({ client: 'pg' });\nawait db('users').where({ email }).first();`,
    `import knex from 'knex';\nawait knex.schema.createTable('users', (t) => t.string('email'));`,
    `import knex from 'knex';\nconst db = knex({});\nawait db('users').where({ email }).del();`,
    `query.insert(row);`,
    `editor.update(text);`,
    `list.insert(0, email);`,
  ],
  invalid: [
    {
      code: `import knex from 'knex';\nconst db = knex({ client: 'pg' });\nawait db('users').insert({ email, ip });`,
      expect: [{ line: 3, family: 'knex', kind: 'storage', data: ['{ email, ip }'] }],
    },
    {
      code: `const knex = require('knex')({ client: 'mysql' });\nawait knex('logins').where({ id }).update({ last_ip: ip });`,
      expect: [{ line: 2, family: 'knex', kind: 'storage', data: ['{ last_ip: ip }'] }],
    },
    {
      code: `import { knex } from './db';\nawait knex.insert({ phone }).into('contacts');`,
      expect: [{ line: 2, family: 'knex', kind: 'storage', data: ['{ phone }'] }],
    },
    {
      code: `import knex from 'knex';\nconst db = knex({});\nawait db.transaction(async (trx) => {\n  await trx('visits').insert(visit);\n});`,
      expect: [{ line: 4, family: 'knex', kind: 'storage', data: ['visit'] }],
    },
    {
      code: `import { Knex } from 'knex';\nclass Repo {\n  constructor(private readonly db: Knex) {}\n  f() { return this.db('users').update('email', email); }\n}`,
      expect: [{ line: 4, family: 'knex', kind: 'storage', data: ["'email'", 'email'] }],
    },
    {
      code: `import knex from 'knex';\nconst db = knex({});\nawait db('users').insert(user).onConflict('email').merge();`,
      expect: [{ line: 3, family: 'knex', kind: 'storage', data: ['user'] }],
    },
  ],
});
