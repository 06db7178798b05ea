import { runSinkTable } from './sinkTable';

runSinkTable('sinks: cookies (frameworks and libraries)', {
  valid: [
    `res.json(user);`,
    `res.clearCookie('email');`,
    `res.cookie('seen');`,
    `const token = req.cookies.token;`,
    `map.set('email', email);`,
    `request.cookies.set('email', email);`,
    `import { cookies } from 'next/headers';\nconst email = cookies().get('email');`,
    `jar.cookie('a', email);`,
    `settings.set('email', email);`,
  ],
  invalid: [
    { code: `res.cookie('email', email);`, expect: [{ line: 1, family: 'cookie', kind: 'storage', data: ['email'], expiry: undefined }] },
    { code: `res.cookie('email', email, { httpOnly: true, secure: true });`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: undefined }] },
    { code: `res.cookie('ip', ip, { maxAge: 1000 * 60 * 60 * 24 * 7 });`, expect: [{ line: 1, family: 'cookie', kind: 'storage', data: ['ip'], expiry: 'P7D' }] },
    { code: `response.cookie('phone', phone, { expires: new Date(Date.now() + 3600 * 1000) });`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'PT1H' }] },
    { code: `res.cookie('email', email, { expires: user.sessionEnd });`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'unknown' }] },
    {
      code: `const COOKIE_OPTIONS = { httpOnly: true, maxAge: 30 * 60 * 1000 };\nres.cookie('email', email, { ...COOKIE_OPTIONS, sameSite: 'lax' });`,
      expect: [{ line: 2, family: 'cookie', kind: 'storage', expiry: 'PT1800S' }],
    },
    {
      code: `import { Response } from 'express';\nclass C {\n  login(@Res() reply: Response) { reply.cookie('user', username, { maxAge: 60_000 }); }\n}`,
      expect: [{ line: 3, family: 'cookie', kind: 'storage', expiry: 'PT60S' }],
    },
    { code: `reply.setCookie('email', email, { maxAge: 3600, path: '/' });`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'PT1H' }] },
    {
      code: `import { cookies } from 'next/headers';\ncookies().set('email', email, { maxAge: 60 * 60 * 24 });`,
      expect: [{ line: 2, family: 'cookie', kind: 'storage', data: ['email'], expiry: 'P1D' }],
    },
    {
      code: `import { cookies } from 'next/headers';\nconst store = await cookies();\nstore.set({ name: 'ip', value: ip, httpOnly: true });`,
      expect: [{ line: 3, family: 'cookie', kind: 'storage', data: ['ip'], expiry: undefined }],
    },
    {
      code: `import { NextResponse } from 'next/server';\nconst response = NextResponse.next();\nresponse.cookies.set('phone', phone, { maxAge: 600 });`,
      expect: [{ line: 3, family: 'cookie', kind: 'storage', expiry: 'PT600S' }],
    },
    { code: `ctx.cookies.set('email', email, { maxAge: 86_400_000 });`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: 'P1D' }] },
    { code: `import Cookies from 'js-cookie';\nCookies.set('email', email, { expires: 7 });`, expect: [{ line: 2, family: 'cookie', kind: 'storage', data: ['email'], expiry: 'P7D' }] },
    { code: `Cookies.set('ip', ip);`, expect: [{ line: 1, family: 'cookie', kind: 'storage', expiry: undefined }] },
    {
      code: `import Cookies from 'universal-cookie';\nconst cookies = new Cookies();\ncookies.set('username', username, { maxAge: 3600 });`,
      expect: [{ line: 3, family: 'cookie', kind: 'storage', expiry: 'PT1H' }],
    },
    {
      code: `import { setCookie } from 'hono/cookie';\napp.get('/', (c) => { setCookie(c, 'email', email, { maxAge: 1800 }); });`,
      expect: [{ line: 2, family: 'cookie', kind: 'storage', data: ['email'], expiry: 'PT1800S' }],
    },
  ],
});
