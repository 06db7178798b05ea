// pino's configuration at the sink: `redact` paths (on the instance, replaced by a child's) and
// the retention of its transports.
import { runSinkTable } from './sinkTable';

const P = `import pino from 'pino';\n`;

runSinkTable('sinks: pino configuration', {
  valid: [],
  invalid: [
    // redaction applies to the merging object (the first argument) only
    { code: `${P}const log = pino({ redact: ['user.email', '*.phone'] });\nlog.info({ user }, 'login');`, expect: [{ line: 3, family: 'pino', kind: 'log', redacts: ['user.email@{ user }', '*.phone@{ user }'] }] },
    { code: `${P}const log = pino({ redact: ['email'] });\nlog.info('login %s', email);`, expect: [{ line: 3, family: 'pino', kind: 'log', redacts: [] }] },
    { code: `${P}const log = pino({ redact: { paths: ['a["b-c"].d', 'users[*].email'], censor: '**' } });\nlog.warn(payload);`, expect: [{ line: 3, family: 'pino', kind: 'log', redacts: ['a["b-c"].d@payload', 'users[*].email@payload'] }] },
    { code: `${P}const REDACTED = ['password', 'card.number'];\nconst log = pino({ redact: { paths: REDACTED, remove: true } });\nlog.info(body);`, expect: [{ line: 4, family: 'pino', kind: 'log', redacts: ['password@body', 'card.number@body'] }] },
    // children inherit; a child's own redact replaces the parent's; child bindings are redacted too
    { code: `${P}const log = pino({ redact: ['email'] });\nconst child = log.child({ svc: 'a' });\nchild.info({ email });`, expect: [{ line: 3, family: 'pino', kind: 'log', redacts: ['email@{ svc: \'a\' }'] }, { line: 4, family: 'pino', kind: 'log', redacts: ['email@{ email }'] }] },
    { code: `${P}const log = pino({ redact: ['email'] });\nconst child = log.child({}, { redact: ['phone'] });\nchild.info({ email });`, expect: [{ line: 3, family: 'pino', kind: 'log' }, { line: 4, family: 'pino', kind: 'log', redacts: ['phone@{ email }'] }] },
    { code: `${P}pino({ redact: ['ip'] }).child({ a }).info({ ip });`, expect: [{ line: 2, family: 'pino', kind: 'log', redacts: ['ip@{ ip }'] }, { line: 2, family: 'pino', kind: 'log', redacts: ['ip@{ a }'] }] },
    { code: `import Fastify from 'fastify';\nconst app = Fastify({ logger: { redact: ['req.headers.authorization'] } });\napp.log.info({ req });`, expect: [{ line: 3, family: 'pino', kind: 'log', redacts: ['req.headers.authorization@{ req }'] }] },
    // a logger known only by its type has no configuration the file shows
    { code: `import type { Logger } from 'pino';\nfunction f(log: Logger) { log.info({ email }); }`, expect: [{ line: 2, family: 'pino', kind: 'log', redacts: [], expiry: undefined }] },
    // transports: pino-roll keeps limit.count files besides the current one
    {
      code: `${P}const log = pino({\n  transport: { target: 'pino-roll', options: { file: 'app', frequency: 'daily', limit: { count: 13 } } },\n});\nlog.info({ email });`,
      expect: [{ line: 5, family: 'pino', kind: 'log', expiry: 'P14D', expiryBy: "pino-roll limit.count 13 ('daily' files) at line 3" }],
    },
    { code: `${P}const log = pino({ transport: { target: 'pino-roll', options: { frequency: 3600000, limit: { count: 23 } } } });\nlog.info(email);`, expect: [{ line: 3, family: 'pino', kind: 'log', expiry: 'P1D' }] },
    { code: `${P}const log = pino({ transport: { target: 'pino-roll', options: { frequency: 'daily' } } });\nlog.info(email);`, expect: [{ line: 3, family: 'pino', kind: 'log', expiry: undefined }] },
    {
      code: `${P}const transport = pino.transport({ targets: [{ target: 'pino-pretty' }, { target: 'pino-roll', options: { frequency: 'hourly', limit: { count: 47 } } }] });\nconst log = pino({ level: 'info' }, transport);\nlog.info(email);`,
      expect: [{ line: 4, family: 'pino', kind: 'log', expiry: 'P2D' }],
    },
    { code: `${P}const log = pino({ transport: { targets: [{ target: 'pino-roll', options: { frequency: 'daily', limit: { count: 6 } } }, { target: 'pino/file', options: { destination: './all.log' } }] } });\nlog.info(email);`, expect: [{ line: 3, family: 'pino', kind: 'log', expiry: undefined }] },
    { code: `${P}const log = pino({ transport: { target: 'pino/file', options: { destination: 1 } } });\nlog.info(email);`, expect: [{ line: 3, family: 'pino', kind: 'log', expiry: undefined }] },
    { code: `${P}const log = pino();\nlog.info(email);`, expect: [{ line: 3, family: 'pino', kind: 'log', expiry: undefined }] },
    { code: `${P}import { createStream } from 'rotating-file-stream';\nconst log = pino(createStream('app.log', { interval: '1d', maxFiles: 6 }));\nlog.info(email);`, expect: [{ line: 4, family: 'pino', kind: 'log', expiry: 'P7D' }] },
  ],
});
