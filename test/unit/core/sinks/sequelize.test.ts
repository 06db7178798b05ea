import { runSinkTable } from './sinkTable';

runSinkTable('sinks: sequelize', {
  valid: [
    `import { Model } from 'sequelize';\nclass User extends Model {}\nUser.findAll({ where: { email } });`,
    `import { Model } from 'sequelize';\nclass User extends Model {}\nUser.destroy({ where: { email } });`,
    `class User extends BaseEntity {}\nUser.create({ email });`,
    `const User = sequelize.define('User', {});\nUser.count({ where: { ip } });`,
    `const Thing = registry.define('Thing');\nThing.create({ email });`,
  ],
  invalid: [
    {
      code: `import { Model, DataTypes } from 'sequelize';\nclass User extends Model {}\nawait User.create({ email, phone });`,
      expect: [{ line: 3, family: 'sequelize', kind: 'storage', data: ['{ email, phone }'] }],
    },
    {
      code: `import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\nconst Visit = sequelize.define('Visit', { ip: DataTypes.STRING });\nawait Visit.bulkCreate(visits);`,
      expect: [{ line: 4, family: 'sequelize', kind: 'storage', data: ['visits'] }],
    },
    {
      code: `import { sequelize } from '../db';\nconst Profile = sequelize.define('Profile', {});\nawait Profile.update({ address }, { where: { id } });`,
      expect: [{ line: 3, family: 'sequelize', kind: 'storage', data: ['{ address }'] }],
    },
    {
      code: `import { Model, Table } from 'sequelize-typescript';\n@Table\nclass Customer extends Model {}\nawait Customer.build({ ssn }).save();`,
      expect: [{ line: 4, family: 'sequelize', kind: 'storage', data: ['{ ssn }'] }],
    },
    {
      code: `import { Model } from 'sequelize';\nclass User extends Model {}\nawait User.findOrCreate({ where: { email }, defaults: { phone } });`,
      expect: [{ line: 3, family: 'sequelize', kind: 'storage' }],
    },
  ],
});
