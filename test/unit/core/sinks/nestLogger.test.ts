import { runSinkTable } from './sinkTable';

runSinkTable('sinks: NestJS Logger', {
  valid: [
    `import { Injectable } from '@nestjs/common';\nInjectable.log(email);`,
    `import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger(S.name); f() { this.logger.localInstance; } }`,
    `import { Logger } from '@nestjs/common';\nLogger.overrideLogger(false);`,
    `import { Logger } from '@nestjs/common';\nLogger.flush();`,
  ],
  invalid: [
    {
      code: `import { Logger } from '@nestjs/common';\nclass UsersService {\n  private readonly logger = new Logger(UsersService.name);\n  create(dto) { this.logger.log(\`created \${dto.email}\`); }\n}`,
      expect: [{ line: 4, family: 'nestjs-logger', kind: 'log', data: ['`created ${dto.email}`'] }],
    },
    {
      code: `import { Logger } from '@nestjs/common';\nclass A {\n  constructor(private readonly logger: Logger) {}\n  f() { this.logger.warn(ip); }\n}`,
      expect: [{ line: 4, family: 'nestjs-logger', kind: 'log' }],
    },
    { code: `import { Logger } from '@nestjs/common';\nLogger.error(phone, 'Auth');`, expect: [{ line: 2, family: 'nestjs-logger', kind: 'log', data: ['phone', "'Auth'"] }] },
    {
      code: `import { LoggerService } from '@nestjs/common';\nclass A {\n  constructor(private readonly log: LoggerService) {}\n  f() { this.log.verbose(user); }\n}`,
      expect: [{ line: 4, family: 'nestjs-logger', kind: 'log' }],
    },
  ],
});
