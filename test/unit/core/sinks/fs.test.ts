import { runSinkTable } from './sinkTable';

runSinkTable('sinks: fs', {
  valid: [
    `import fs from 'fs';\nconst text = fs.readFileSync(path, 'utf8');`,
    `import fs from 'fs';\nfs.mkdirSync(dir, { recursive: true });`,
    `res.write(email);`,
    `socket.write(ip);`,
    `process.stdout.write(line);`,
    `import { writeFile } from './storage';\nawait writeFile('x', email);`,
    `import fs from 'fs';\nconst input = fs.createReadStream(p);\ninput.on('data', handle);`,
    `import fs from 'fs';\nconst out = fs.createWriteStream(p);\nout.end();`,
  ],
  invalid: [
    {
      code: `import fs from 'fs';\nfs.appendFileSync('ips.txt', \`\${ip}\\n\`);`,
      expect: [{ line: 2, family: 'fs', kind: 'storage', data: ["'ips.txt'", '`${ip}\\n`'] }],
    },
    {
      code: `const fs = require('fs');\nfs.writeFile(\`/data/\${email}.json\`, JSON.stringify(user), (err) => {});`,
      expect: [{ line: 2, family: 'fs', kind: 'storage', data: ['`/data/${email}.json`', 'JSON.stringify(user)'] }],
    },
    { code: `import { promises as fsp } from 'fs';\nawait fsp.writeFile(file, phone, 'utf8');`, expect: [{ line: 2, family: 'fs', kind: 'storage', data: ['file', 'phone'] }] },
    { code: `import * as fs from 'node:fs';\nawait fs.promises.appendFile(log, email);`, expect: [{ line: 2, family: 'fs', kind: 'storage' }] },
    { code: `import { writeFile } from 'fs/promises';\nawait writeFile(out, csv);`, expect: [{ line: 2, family: 'fs', kind: 'storage', data: ['out', 'csv'] }] },
    { code: `import fse from 'fs-extra';\nawait fse.outputJson('users.json', users);`, expect: [{ line: 2, family: 'fs', kind: 'storage' }] },
    {
      code: `import fs from 'fs';\nconst audit = fs.createWriteStream('audit.log', { flags: 'a' });\naudit.write(\`\${email} logged in\\n\`);\naudit.end(ip);`,
      expect: [
        { line: 3, family: 'fs', kind: 'storage', data: ['`${email} logged in\\n`'] },
        { line: 4, family: 'fs', kind: 'storage', data: ['ip'] },
      ],
    },
    {
      code: `import { createWriteStream } from 'fs';\nclass Exporter {\n  private out = createWriteStream('export.csv');\n  row(u) { this.out.write(u.email + ',' + u.phone); }\n}`,
      expect: [{ line: 4, family: 'fs', kind: 'storage' }],
    },
    { code: `import fs from 'fs';\nfs.writeSync(fd, email);`, expect: [{ line: 2, family: 'fs', kind: 'storage', data: ['email'] }] },
  ],
});
