import { runSinkTable } from './sinkTable';

runSinkTable('sinks: typeorm', {
  valid: [
    `import { Repository } from 'typeorm';\nclass S { constructor(private repo: Repository<User>) {} f() { return this.repo.findOneBy({ email }); } }`,
    `import { Repository } from 'typeorm';\nclass S { constructor(private repo: Repository<User>) {} f() { return this.repo.create({ email }); } }`,
    `repo.save(user);`,
    `userRepository.insert(user);`,
    `const list = new LinkedList();\nlist.insert().values({ email });`,
    `const builder = new UrlBuilder();\nbuilder.insert().values({ email });`,
    `emitter.emit('user', user);`,
    `this.users.push(user);`,
    `url.searchParams.set('q', q);`,
    `import { DataSource } from 'typeorm';\nconst ds = new DataSource({});\nawait ds.initialize();`,
  ],
  invalid: [
    {
      code: `import { Repository } from 'typeorm';\nimport { InjectRepository } from '@nestjs/typeorm';\nclass UsersService {\n  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}\n  create(dto) { return this.users.save(dto); }\n}`,
      expect: [{ line: 5, family: 'typeorm', kind: 'storage', data: ['dto'] }],
    },
    {
      code: `import { AppDataSource } from './data-source';\nconst repo = AppDataSource.getRepository(User);\nawait repo.update({ id }, { lastIp: ip });`,
      expect: [{ line: 3, family: 'typeorm', kind: 'storage', data: ['{ lastIp: ip }'] }],
    },
    {
      code: `import { getRepository } from 'typeorm';\nawait getRepository(Profile).insert({ phone });`,
      expect: [{ line: 2, family: 'typeorm', kind: 'storage', data: ['{ phone }'] }],
    },
    {
      code: `class S {\n  constructor(@InjectRepository(User) private readonly users: UserRepository) {}\n  f() { return this.users.upsert({ email }, ['email']); }\n}`,
      expect: [{ line: 3, family: 'typeorm', kind: 'storage', data: ['{ email }'] }],
    },
    {
      code: `import { AppDataSource } from './data-source';\nawait AppDataSource.manager.save(User, { email });`,
      expect: [{ line: 2, family: 'typeorm', kind: 'storage', data: ['{ email }'] }],
    },
    {
      code: `import { DataSource } from 'typeorm';\nclass S {\n  constructor(private dataSource: DataSource) {}\n  f() {\n    return this.dataSource.transaction(async (manager) => {\n      await manager.update(User, { id }, { phone });\n    });\n  }\n}`,
      expect: [{ line: 6, family: 'typeorm', kind: 'storage', data: ['{ phone }'] }],
    },
    {
      code: `import { EntityManager } from 'typeorm';\nasync function f(em: EntityManager) { await em.insert(Visit, { ip }); }`,
      expect: [{ line: 2, family: 'typeorm', kind: 'storage', data: ['{ ip }'] }],
    },
    {
      code: `await dataSource.createQueryBuilder()\n  .insert()\n  .into(User)\n  .values({ email, ip })\n  .execute();`,
      expect: [{ line: 1, family: 'typeorm', kind: 'storage', data: ['{ email, ip }'] }],
    },
    {
      code: `import { Repository } from 'typeorm';\nfunction f(repo: Repository<User>) {\n  return repo.createQueryBuilder().update(User).set({ phone }).where('id = :id', { id }).execute();\n}`,
      expect: [{ line: 3, family: 'typeorm', kind: 'storage', data: ['{ phone }'] }],
    },
    {
      code: `function persist(queryBuilder, user) {\n  return queryBuilder.insert().values(user).execute();\n}`,
      expect: [{ line: 2, family: 'typeorm', kind: 'storage', data: ['user'] }],
    },
    {
      code: `import { SelectQueryBuilder } from 'typeorm';\nfunction f(qb: SelectQueryBuilder<User>) { return qb.update().set({ email }).execute(); }`,
      expect: [{ line: 2, family: 'typeorm', kind: 'storage', data: ['{ email }'] }],
    },
  ],
});
