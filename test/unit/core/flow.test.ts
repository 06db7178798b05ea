import { runFindingTable } from './findingTable';

const log = (line: number, category: string) => ({ line, category, sink: 'log' });

runFindingTable('flow inside a function', [
  { code: `function f(req) {\n  const a = req.ip;\n  const b = a;\n  console.log(b);\n}`, expect: [log(4, 'ip_address')] },
  { code: `let x = 'static';\nx = req.ip;\nconsole.log(x);`, expect: [log(3, 'ip_address')] },
  { name: 'reassignment with a sanitizer ends the flow', code: `let email = body.email;\nemail = maskEmail(email);\nconsole.log(email);`, expect: [] },
  { name: 'sanitizer in only one branch keeps the flow', code: `let email = body.email;\nif (prod) { email = maskEmail(email); }\nconsole.log(email);`, expect: [log(3, 'email')] },
  { code: `const { ip: clientAddr } = req;\nconsole.log(clientAddr);`, expect: [log(2, 'ip_address')] },
  { code: `const { phone = 'n/a', ...rest } = body;\nconsole.log(phone);`, expect: [log(2, 'phone_number')] },
  { code: "console.log(`user ${user.email} logged in`);", expect: [log(1, 'email')] },
  { code: `console.log('ip=' + req.ip);`, expect: [log(1, 'ip_address')] },
  { code: `const entry = { ip: req.ip, at: Date.now() };\nconsole.log(entry);`, expect: [log(2, 'ip_address')] },
  { code: `const entry = { who: { contact: { phone: p.phone } } };\nconsole.log(entry);`, expect: [log(2, 'phone_number')] },
  { code: `const base = { ip: req.ip };\nconst entry = { ...base, ok: true };\nconsole.log(entry);`, expect: [log(3, 'ip_address')] },
  { code: `const list = [user.email, 'x'];\nconsole.log(list);`, expect: [log(2, 'email')] },
  { code: `console.log(JSON.stringify({ email: user.email }));`, expect: [log(1, 'email')] },
  { code: `console.log(String(req.ip).trim().toLowerCase());`, expect: [log(1, 'ip_address')] },
  { code: `const who = flag ? user.email : 'anon';\nconsole.log(who);`, expect: [log(2, 'email')] },
  { code: `const ip = req.headers['x-forwarded-for'] ?? req.socket.remoteAddress;\nconsole.log(ip);`, expect: [log(2, 'ip_address')] },
  { name: 'helper return value in the same file', code: `function clientIp(req) { return req.ip; }\nfunction h(req) {\n  const value = clientIp(req);\n  console.log(value);\n}`, expect: [log(4, 'ip_address')] },
  { name: 'a request accessor method (AdonisJS request.ip())', code: `function h({ request }) {\n  const origin = request.ip();\n  console.log({ origin });\n}`, expect: [log(3, 'ip_address')] },
  { name: 'getter named for the data', code: `const v = getClientIp(req);\nconsole.log(v);`, expect: [log(2, 'ip_address')] },
  { code: `console.log(user.id, order.total, shipping.method);`, expect: [] },
  // The owner of a member or getter qualifies its name: a server's, a company's address is not a person's.
  { name: 'an infrastructure owner: server.address', code: `console.log(server.address, this.server.address, socket.address);`, expect: [] },
  { name: 'an organisation owner: company.address, support.email', code: `console.log(company.address);
console.log(support.email);`, expect: [] },
  { name: 'a getter on an infrastructure owner: server.getAddress(), getAddress(httpServer)', code: `console.log(server.getAddress());
console.log(getAddress(httpServer));`, expect: [] },
  {
    name: 'a variable a server method initialises: const address = server.address()',
    code: `function where(server) {
  const address = server.address();
  return \`\${address.address}:\${address.port}\`;
}
console.log(where(app));`,
    expect: [],
  },
  { name: 'a person owner keeps the name: customer.address, getAddress(user)', code: `console.log(customer.address);
console.log(getAddress(user));`, expect: [log(1, 'postal_address'), log(2, 'postal_address')] },
  { name: 'the owner does not hide a client address: socket.remoteAddress', code: `console.log(socket.remoteAddress);`, expect: [log(1, 'ip_address')] },
  { name: "Node's AddressInfo: { address, family } of a DNS lookup", code: `for (const { address, family } of await lookup(host, { all: true })) console.log(address, family);`, expect: [] },
  { name: "Node's AddressInfo: { address, port } of a listening event", code: `const { address, port } = info;\nconsole.log(address, port);`, expect: [] },
  { name: 'a person\'s address beside other fields stays personal', code: `const { address, phone } = customer;\nconsole.log(address, phone);`, expect: [log(2, 'postal_address'), log(2, 'phone_number')] },
  { code: `const zipArchive = makeZip();\nconsole.log(zipArchive, ipcRenderer, recipe, tipAmount);`, expect: [] },
  { name: 'a constant is not a person\'s data', code: `const SUPPORT_EMAIL = 'help@example.com';\nconsole.log(SUPPORT_EMAIL);`, expect: [] },
  { code: `console.log(hashIp(req.ip), mask(user.email), redact(phone));`, expect: [] },
  { code: `const h = crypto.createHash('sha256').update(req.ip).digest('hex');\nconsole.log(h);`, expect: [] },
  { code: `console.log(card.number.slice(-4));`, expect: [] },
  { code: `console.log(ssn.slice(-4));`, expect: [log(1, 'government_id')] },
  { code: `ips.forEach((entry) => console.log(entry));`, expect: [log(1, 'ip_address')] },
  { code: `const masked = emails.map((e) => mask(e));\nconsole.log(masked);`, expect: [] },
  { code: `navigator.geolocation.getCurrentPosition((pos) => {\n  console.log(pos.coords);\n});`, expect: [log(2, 'precise_location')] },
]);

runFindingTable('declared types', [
  {
    code: `interface User { id: string; email: string; phone: string }\nfunction f(user: User) {\n  console.log(user);\n}`,
    expect: [log(3, 'email'), log(3, 'phone_number')],
  },
  { code: `interface User { id: string; email: string }\nfunction f(user: User) {\n  console.log(user.id);\n}`, expect: [] },
  {
    code: `type Contact = { phone: string };\ninterface Player extends Contact { gamertag: string }\nfunction f(p: Player) { console.log(p); }`,
    expect: [log(3, 'phone_number'), log(3, 'username')],
  },
  {
    code: `interface User { email: string; /** @pii none */ hostname: string; id: string }\ntype Public = Pick<User, 'id'>;\nfunction f(u: Public) { console.log(u); }`,
    expect: [],
  },
  {
    code: `interface Address { zip: string }\ninterface User { address: Address[] }\nasync function f(u: Promise<User>) { console.log(await u); }`,
    expect: [log(3, 'postal_address')],
  },
  { code: `class Player {\n  gamertag = '';\n  show() { console.log(this.gamertag); }\n}`, expect: [log(3, 'username')] },
  { code: `class Account { email = ''; }\nconst a = new Account();\nconsole.log(a);`, expect: [log(3, 'email')] },
]);

runFindingTable('annotations', [
  { code: `/** @pii email */\nconst contact = form.value;\nconsole.log(contact);`, expect: [log(3, 'email')] },
  { code: `/** @pii none */\nconst ipVersionLabel = req.ip;\nconsole.log(ipVersionLabel);`, expect: [] },
  { code: `function f(/** @pii none */ email: string) { console.log(email); }`, expect: [] },
  { code: `interface S { /** @pii device_id */ hw: string }\nfunction f(s: S) { console.log(s.hw); }`, expect: [log(2, 'device_id')] },
]);

runFindingTable('wrappers in the same file', [
  {
    name: 'an anonymous parameter is reported at the call site',
    code: `function audit(event) {\n  console.log('audit', event);\n}\naudit({ ip: req.ip });\naudit({ action: 'x' });`,
    expect: [log(4, 'ip_address')],
  },
  {
    name: 'a personal parameter is reported inside the wrapper, not at the call',
    code: `function logIp(ip: string) {\n  console.log(ip);\n}\nlogIp(req.ip);`,
    expect: [log(2, 'ip_address')],
  },
  {
    name: 'wrapper of a wrapper',
    code: `function write(e) { console.log(e); }\nfunction audit(e) { write(e); }\naudit(user.email);`,
    expect: [log(3, 'email')],
  },
  {
    name: 'wrapper that logs one field only',
    code: `function audit(e) { console.log(e.action); }\naudit({ action: 'login', ip: req.ip });`,
    expect: [],
  },
  {
    name: 'recursion ends',
    code: `function walk(n, e) { if (n) walk(n - 1, e); console.log(e); }\nwalk(3, req.ip);`,
    expect: [log(2, 'ip_address')],
  },
  {
    name: 'method through this',
    code: `class S {\n  private audit(e: unknown) { console.log(e); }\n  handle(req) { this.audit(req.ip); }\n}`,
    expect: [log(3, 'ip_address')],
  },
]);
