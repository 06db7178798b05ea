import { runSinkTable } from './sinkTable';

const bullmq = `import { Queue } from 'bullmq';\nconst queue = new Queue('mail');\n`;

runSinkTable('sinks: BullMQ / Bull', {
  valid: [
    `const queue = [];\nqueue.push(email);`,
    `import PQueue from 'p-queue';\nconst queue = new PQueue();\nqueue.add(() => send(email));`,
    `import { Worker } from 'bullmq';\nconst worker = new Worker('mail', process);\nworker.on('completed', done);`,
    `${bullmq}await queue.getJobs(['failed']);`,
    `const seen = new Set();\nseen.add(ip);`,
    `${bullmq}await queue.obliterate();`,
  ],
  invalid: [
    { code: `${bullmq}await queue.add('welcome', { email, name });`, expect: [{ line: 3, family: 'bullmq', kind: 'storage', data: ['{ email, name }'], expiry: undefined }] },
    { code: `${bullmq}await queue.add('welcome', { email }, { removeOnComplete: true });`, expect: [{ line: 3, family: 'bullmq', kind: 'storage', expiry: undefined }] },
    { code: `${bullmq}await queue.add('welcome', { email }, { removeOnComplete: 100, removeOnFail: 500 });`, expect: [{ line: 3, family: 'bullmq', kind: 'storage', expiry: undefined }] },
    {
      code: `${bullmq}await queue.add('welcome', { email }, { removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } });`,
      expect: [{ line: 3, family: 'bullmq', kind: 'storage', expiry: 'P7D' }],
    },
    {
      code: `import { Queue } from 'bullmq';\nconst q = new Queue('sms', { defaultJobOptions: { removeOnComplete: { age: 3600 }, removeOnFail: { age: 86400 } } });\nawait q.add('send', { phone });`,
      expect: [{ line: 3, family: 'bullmq', kind: 'storage', data: ['{ phone }'], expiry: 'P1D' }],
    },
    { code: `${bullmq}await queue.addBulk(users.map((u) => ({ name: 'x', data: { email: u.email } })));`, expect: [{ line: 3, family: 'bullmq', kind: 'storage' }] },
    {
      code: `import { Queue } from 'bullmq';\nimport { InjectQueue } from '@nestjs/bullmq';\nclass S {\n  constructor(@InjectQueue('audit') private auditQueue: Queue) {}\n  f() { return this.auditQueue.add('login', { ip }); }\n}`,
      expect: [{ line: 5, family: 'bullmq', kind: 'storage', data: ['{ ip }'] }],
    },
    { code: `import Queue from 'bull';\nconst q = new Queue('x');\nq.add({ email }, { delay: 1000 });`, expect: [{ line: 3, family: 'bullmq', kind: 'storage', data: ['{ email }'] }] },
    { code: `const Queue = require('bull');\nconst q = new Queue('x');\nq.add('named', { ip });`, expect: [{ line: 3, family: 'bullmq', kind: 'storage', data: ['{ ip }'] }] },
  ],
});
