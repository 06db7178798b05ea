import { runSinkTable } from './sinkTable';

runSinkTable('sinks: mongodb driver', {
  valid: [
    `const users = db.collection('users');\nawait users.findOne({ email });`,
    `const users = db.collection('users');\nawait users.deleteMany({ email });`,
    `store.insertOne(doc);`,
    `firestore.collection('users').add({ email });`,
    `const users = db.collection('users');\nawait users.createIndex({ email: 1 }, { unique: true });`,
  ],
  invalid: [
    {
      code: `import { MongoClient } from 'mongodb';\nconst client = new MongoClient(url);\nconst users = client.db('app').collection('users');\nawait users.insertOne({ email, ip });`,
      expect: [{ line: 4, family: 'mongodb', kind: 'storage', data: ['{ email, ip }'], expiry: undefined }],
    },
    {
      code: `await db.collection('profiles').updateOne({ _id: id }, { $set: { phone } }, { upsert: true });`,
      expect: [{ line: 1, family: 'mongodb', kind: 'storage', data: ['{ $set: { phone } }'] }],
    },
    {
      code: `const sessions = db.collection('sessions');\nawait sessions.createIndex({ createdAt: 1 }, { expireAfterSeconds: 3600 });\nawait sessions.insertOne({ ip, createdAt: new Date() });`,
      expect: [{ line: 3, family: 'mongodb', kind: 'storage', expiry: 'PT1H' }],
    },
    {
      code: `const TTL = 60 * 60 * 24;\nasync function setup() { await db.collection('visits').createIndex({ at: 1 }, { expireAfterSeconds: TTL }); }\nasync function track(ip) { await db.collection('visits').insertMany([{ ip }]); }`,
      expect: [{ line: 3, family: 'mongodb', kind: 'storage', expiry: 'P1D' }],
    },
    {
      code: `import { Collection } from 'mongodb';\nclass Repo {\n  constructor(private readonly users: Collection<User>) {}\n  f(u) { return this.users.replaceOne({ _id: u.id }, u); }\n}`,
      expect: [{ line: 4, family: 'mongodb', kind: 'storage', data: ['u'] }],
    },
  ],
});
