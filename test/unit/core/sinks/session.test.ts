// Writes to a request's session, with the session middleware's expiry when the file configures it.
import { runSinkTable } from './sinkTable';

const EXPRESS = `import session from 'express-session';\n`;

runSinkTable('sinks: session', {
  valid: [
    `const session = {};\nsession.email = email;`,
    `user.session.email = email;`,
    `req.sessionId = email;`,
    `req.session = null;`,
    `const x = req.session.email;`,
  ],
  invalid: [
    { code: `req.session.email = email;`, expect: [{ line: 1, family: 'session', kind: 'storage', data: ['email'], expiry: undefined }] },
    { code: `req.session['email'] = email;`, expect: [{ line: 1, family: 'session', kind: 'storage' }] },
    { code: `request.session.user.phone = phone;`, expect: [{ line: 1, family: 'session', kind: 'storage' }] },
    { code: `ctx.session.user = { email };`, expect: [{ line: 1, family: 'session', kind: 'storage' }] },
    { code: `req.session = { email };`, expect: [{ line: 1, family: 'session', kind: 'storage' }] },
    { code: `import type { Request } from 'express';\nfunction f(incoming: Request) { incoming.session.email = email; }`, expect: [{ line: 2, family: 'session', kind: 'storage' }] },
    {
      code: `${EXPRESS}app.use(session({ secret, cookie: { maxAge: 1000 * 60 * 60 * 24 * 7 } }));\nreq.session.email = email;`,
      expect: [{ line: 3, family: 'session', kind: 'storage', expiry: 'P7D', expiryBy: 'express-session cookie.maxAge at line 2' }],
    },
    {
      code: `${EXPRESS}import RedisStore from 'connect-redis';\napp.use(session({ secret, store: new RedisStore({ client, ttl: 86400 }) }));\nreq.session.email = email;`,
      expect: [{ line: 4, family: 'session', kind: 'storage', expiry: 'P1D' }],
    },
    {
      code: `${EXPRESS}import MongoStore from 'connect-mongo';\nconst SESSION_TTL = 14 * 24 * 60 * 60;\napp.use(session({ secret, cookie: { maxAge: null }, store: MongoStore.create({ mongoUrl, ttl: SESSION_TTL }) }));\nreq.session.email = email;`,
      expect: [{ line: 5, family: 'session', kind: 'storage', expiry: 'P14D' }],
    },
    { code: `${EXPRESS}app.use(session({ secret }));\nreq.session.email = email;`, expect: [{ line: 3, family: 'session', kind: 'storage', expiry: undefined }] },
    { code: `import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 's', maxAge: 24 * 60 * 60 * 1000 }));\nreq.session.email = email;`, expect: [{ line: 3, family: 'session', kind: 'storage', expiry: 'P1D' }] },
    { code: `import session from 'koa-session';\napp.use(session({ maxAge: 'session' }, app));\nctx.session.email = email;`, expect: [{ line: 3, family: 'session', kind: 'storage', expiry: 'session' }] },
  ],
});
