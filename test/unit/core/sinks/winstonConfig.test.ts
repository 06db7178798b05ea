// winston's configuration at the sink: custom formats that delete or mask fields, and the
// retention of its transports.
import { runSinkTable } from './sinkTable';

const W = `import winston, { format, transports } from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\n`;

runSinkTable('sinks: winston configuration', {
  valid: [],
  invalid: [
    // formats: delete and mask, inline or through a const, in combine
    {
      code: `${W}const scrub = format((info) => { delete info.email; info.phone = '[redacted]'; return info; });\nconst logger = winston.createLogger({ format: format.combine(scrub(), format.json()) });\nlogger.info('signup', { email, phone });`,
      expect: [{ line: 5, family: 'winston', kind: 'log', redacts: ["email@'signup'", "phone@'signup'", 'email@{ email, phone }', 'phone@{ email, phone }'] }],
    },
    {
      code: `${W}const logger = winston.createLogger({ format: format((info) => { info.user = maskUser(info.user); return info; })() });\nlogger.warn({ user });`,
      expect: [{ line: 4, family: 'winston', kind: 'log', redacts: ['user@{ user }'] }],
    },
    {
      code: `${W}const SENSITIVE = ['email', 'ssn'];\nconst strip = format((info) => { for (const key of SENSITIVE) delete info[key]; return info; });\nconst logger = winston.createLogger({ format: strip() });\nlogger.info(payload);`,
      expect: [{ line: 6, family: 'winston', kind: 'log', redacts: ['email@payload', 'ssn@payload'] }],
    },
    {
      code: `${W}const strip = format((info) => ({ ...info, email: undefined }));\nconst logger = winston.createLogger({ format: strip() });\nlogger.info(payload);`,
      expect: [{ line: 5, family: 'winston', kind: 'log', redacts: ['email@payload'] }],
    },
    // a format that copies the field into something else is no redaction
    {
      code: `${W}const tag = format((info) => { info.who = info.email; return info; });\nconst logger = winston.createLogger({ format: tag() });\nlogger.info(payload);`,
      expect: [{ line: 5, family: 'winston', kind: 'log', redacts: [] }],
    },
    // transports
    {
      code: `${W}const logger = winston.createLogger({\n  transports: [new transports.Console(), new DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: '14d' })],\n});\nlogger.info(email);`,
      expect: [{ line: 6, family: 'winston', kind: 'log', expiry: 'P14D', expiryBy: "winston-daily-rotate-file maxFiles '14d' at line 4" }],
    },
    { code: `${W}const logger = winston.createLogger({ transports: [new DailyRotateFile({ maxFiles: 30 })] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: 'P30D' }] },
    { code: `${W}const logger = winston.createLogger({ transports: [new DailyRotateFile({ datePattern: 'YYYY-MM-DD-HH', maxFiles: '48' })] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: 'P2D' }] },
    { code: `${W}const logger = winston.createLogger({ transports: [new winston.transports.DailyRotateFile({ frequency: '12h', maxFiles: 4 })] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: 'P2D' }] },
    { code: `${W}const logger = winston.createLogger({ transports: [new DailyRotateFile({ filename: 'app.log' })] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: undefined }] },
    // a File transport rotates by size: no age limit, and it makes the whole logger unbounded
    { code: `${W}const logger = winston.createLogger({ transports: [new DailyRotateFile({ maxFiles: '7d' }), new transports.File({ filename: 'all.log', maxsize: 1e6, maxFiles: 5 })] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: undefined }] },
    { code: `${W}const rotate = new DailyRotateFile({ maxFiles: '7d' });\nconst logger = winston.createLogger({ transports: [rotate] });\nlogger.child({ requestId }).info(email);`, expect: [{ line: 5, family: 'winston', kind: 'log', expiry: 'P7D' }, { line: 5, family: 'winston', kind: 'log', expiry: 'P7D' }] },
    { code: `${W}const logger = winston.createLogger({ transports: [new transports.Console()] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: undefined }] },
    { code: `import winston from 'winston';\nimport 'winston-mongodb';\nconst logger = winston.createLogger({ transports: [new winston.transports.MongoDB({ db, expireAfterSeconds: 2592000 })] });\nlogger.info(email);`, expect: [{ line: 4, family: 'winston', kind: 'log', expiry: 'P30D' }] },
  ],
});
