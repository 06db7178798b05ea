// bunyan's and log4js's configuration at the sink: the retention of rotating streams and appenders.
import { runSinkTable } from './sinkTable';

const B = `import bunyan from 'bunyan';\n`;
const L = `import log4js from 'log4js';\n`;

runSinkTable('sinks: bunyan configuration', {
  valid: [],
  invalid: [
    {
      code: `${B}const log = bunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, { type: 'rotating-file', path: 'app.log', period: '1d', count: 13 }] });\nlog.info({ email });`,
      expect: [{ line: 3, family: 'bunyan', kind: 'log', expiry: 'P14D', expiryBy: "bunyan rotating-file count 13, period '1d' at line 2" }],
    },
    { code: `${B}const log = bunyan.createLogger({ name: 'app', streams: [{ type: 'rotating-file', path: 'app.log' }] });\nlog.info(email);`, expect: [{ line: 3, family: 'bunyan', kind: 'log', expiry: 'P11D' }] },
    { code: `${B}const log = bunyan.createLogger({ name: 'app', streams: [{ type: 'rotating-file', path: 'a.log', period: '1w', count: 3 }] });\nlog.child({ user }).warn(email);`, expect: [{ line: 3, family: 'bunyan', kind: 'log', expiry: 'P28D' }, { line: 3, family: 'bunyan', kind: 'log', expiry: 'P28D' }] },
    { code: `${B}const log = bunyan.createLogger({ name: 'app', streams: [{ type: 'rotating-file', path: 'a.log', count: 3 }, { path: 'all.log' }] });\nlog.info(email);`, expect: [{ line: 3, family: 'bunyan', kind: 'log', expiry: undefined }] },
    { code: `${B}const log = bunyan.createLogger({ name: 'app' });\nlog.info(email);`, expect: [{ line: 3, family: 'bunyan', kind: 'log', expiry: undefined }] },
  ],
});

runSinkTable('sinks: log4js configuration', {
  valid: [],
  invalid: [
    {
      code: `${L}log4js.configure({\n  appenders: { out: { type: 'stdout' }, app: { type: 'dateFile', filename: 'app.log', pattern: 'yyyy-MM-dd', numBackups: 29 } },\n  categories: { default: { appenders: ['out', 'app'], level: 'info' } },\n});\nconst logger = log4js.getLogger();\nlogger.info(email);`,
      expect: [{ line: 7, family: 'log4js', kind: 'log', expiry: 'P30D', expiryBy: "log4js dateFile numBackups 29 ('yyyy-MM-dd' files) at line 3" }],
    },
    {
      code: `${L}log4js.configure({\n  appenders: { audit: { type: 'dateFile', filename: 'audit.log', daysToKeep: 89 }, all: { type: 'file', filename: 'all.log' } },\n  categories: { default: { appenders: ['all'], level: 'info' }, audit: { appenders: ['audit'], level: 'info' } },\n});\nlog4js.getLogger('audit').info(email);\nlog4js.getLogger('web').info(email);`,
      expect: [{ line: 6, family: 'log4js', kind: 'log', expiry: 'P90D' }, { line: 7, family: 'log4js', kind: 'log', expiry: undefined }],
    },
    {
      code: `${L}log4js.configure({\n  appenders: { app: { type: 'dateFile', filename: 'app.log', pattern: 'yyyy-MM-dd-hh', numBackups: 11 }, errors: { type: 'logLevelFilter', appender: 'app', level: 'error' } },\n  categories: { default: { appenders: ['errors'], level: 'info' } },\n});\nlog4js.getLogger().error(email);`,
      expect: [{ line: 6, family: 'log4js', kind: 'log', expiry: 'PT12H' }],
    },
    { code: `${L}log4js.configure({ appenders: { app: { type: 'dateFile', filename: 'app.log' } }, categories: { default: { appenders: ['app'], level: 'info' } } });\nlog4js.getLogger().info(email);`, expect: [{ line: 3, family: 'log4js', kind: 'log', expiry: undefined }] },
    { code: `${L}const logger = log4js.getLogger();\nlogger.info(email);`, expect: [{ line: 3, family: 'log4js', kind: 'log', expiry: undefined }] },
  ],
});
