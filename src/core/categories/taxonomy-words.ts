// The shape of the category table and the word lists its rules share: aliases, the words that
// turn a personal-data word into metadata about it, and the qualifiers that make a generic
// word (name, address, location, handle) personal or infrastructural. Data only: the
// classifier reads these lists and has no word of its own.
import type { BuiltinCategoryId } from '../types';

/**
 * One recognition rule. `words` are matched contiguously in the name's normalized words
 * (see TOKEN_ALIASES), so `clientIpAddress` matches `ip address` but `shipping` never matches `ip`.
 */
export interface NameRule {
  /** Space-separated words in normalized form, e.g. 'ip address'. */
  words: string;
  /** The rule must end the name: the word is its head noun (`userHandle`), not a modifier (`handleClick`). */
  atEnd?: boolean;
  /** One of these words must come right before `words` and becomes part of the match (`customerName`). */
  after?: readonly string[];
  /** The word right before the match (qualifier included) must not be one of these (`serverIp`, `walletAddress`). */
  notAfter?: readonly string[];
}

/** A rule written as a plain string is `{ words }` with no guard beyond the shared ones. */
export type RuleSpec = string | NameRule;

export interface CategorySpec {
  id: BuiltinCategoryId;
  label: string;
  /** The fideslang data category key reports carry. */
  fideslang: string;
  rules: readonly RuleSpec[];
  /** Word sequences that, overlapping a match of this category, mean it is something else (`i phone`, `pan offset`). */
  lookalikes: readonly string[];
}

/**
 * One token of a name standing for one or more normalized words. Compounds written as one
 * word in lowercase columns (`firstname`, `ipaddress`) split here; abbreviations join the
 * spelled-out word. Plurals of every rule word (`ips`, `addresses`) are added when compiling.
 */
export const TOKEN_ALIASES: Readonly<Record<string, string>> = {
  addr: 'address', adr: 'address', ipaddr: 'ip address', ipaddress: 'ip address', remoteaddr: 'remote address',
  emailaddress: 'email address', mailaddress: 'mail address', emailid: 'email id', email_id: 'email id',
  username: 'user name', loginname: 'login name', screenname: 'screen name', nickname: 'nickname',
  firstname: 'first name', lastname: 'last name', fullname: 'full name', middlename: 'middle name',
  givenname: 'given name', familyname: 'family name', forename: 'forename',
  phonenumber: 'phone number', phoneno: 'phone number', cellphone: 'cell phone', mobilephone: 'mobile phone',
  telno: 'tel number', mobileno: 'mobile number',
  zipcode: 'zip code', postalcode: 'postal code', streetaddress: 'street address',
  birthdate: 'birth date', dateofbirth: 'date of birth',
  creditcard: 'credit card', cardnumber: 'card number', ccnumber: 'cc number', ccnum: 'cc number',
  accountnumber: 'account number', accountno: 'account number', acct: 'account', acc: 'account',
  bankaccount: 'bank account', sortcode: 'sort code', routingnumber: 'routing number',
  deviceid: 'device id', macaddress: 'mac address', serialnumber: 'serial number', serialno: 'serial number',
  gamertag: 'gamertag', passportnumber: 'passport number', passportno: 'passport number',
  coords: 'coordinate', coord: 'coordinate', geolocation: 'geolocation', latlng: 'lat lng', latlon: 'lat lon',
  licence: 'license', driverslicense: 'driver license', driverlicense: 'driver license',
  no: 'number', num: 'number', nr: 'number', nbr: 'number', numb: 'number',
};

/**
 * A name whose first word is one of these names a flag, a count, a test value or an action,
 * not the value: `isMobile`, `hasEmail`, `sendEmail`, `validateEmail`, `numEmails` (num → number),
 * `fakeEmail`. Getters (get, fetch, load, find, extract) are absent on purpose: `getClientIp()` returns the value.
 */
export const NON_VALUE_FIRST_WORDS: readonly string[] = [
  'is', 'has', 'have', 'had', 'should', 'can', 'could', 'will', 'must', 'may', 'was', 'were', 'did', 'does', 'do',
  'allow', 'allows', 'prefer', 'in', 'from', 'enable', 'disable', 'show', 'hide', 'toggle', 'not', 'non', 'without', 'with', 'need', 'needs',
  'validate', 'validates', 'verify', 'check', 'confirm', 'require', 'requires', 'supports', 'support',
  'send', 'sends', 'resend', 'notify', 'subscribe', 'unsubscribe', 'on', 'handle', 'render', 'track', 'log',
  'mask', 'redact', 'hash', 'anonymize', 'anonymise', 'pseudonymize', 'obfuscate', 'truncate', 'sanitize', 'sanitise', 'scrub',
  'add', 'append', 'insert', 'strip', 'remove', 'delete', 'clear', 'reset', 'update', 'set', 'change', 'edit', 'save', 'write', 'persist',
  'create', 'make', 'build', 'generate', 'download', 'upload', 'compress', 'decompress', 'open', 'close',
  'count', 'total', 'max', 'min', 'number', 'n',
  'fake', 'mock', 'dummy', 'sample', 'example', 'placeholder', 'random', 'test',
];

/**
 * Any of these after the match makes the name metadata about the value, not the value:
 * `emailVerified`, `phoneType`, `ipVersion`, `dobFormat`, `zipCodeLength`, `EMAIL_REGEX`, `emailTemplateId`,
 * `emailService`, `ipCountry` (a lookup result, not the address). Words that belong to a rule
 * (`zip code`, `device id`, `birth date`) are inside the match and never reach this list.
 */
export const NON_VALUE_AFTER_WORDS: readonly string[] = [
  // flags and states
  'verified', 'verification', 'validated', 'valid', 'invalid', 'confirmed', 'confirmation', 'enabled', 'disabled',
  'allowed', 'required', 'optional', 'visible', 'hidden', 'editable', 'exists', 'present', 'missing', 'supported',
  'only', 'changed', 'updated', 'sent', 'send', 'status', 'state', 'mode', 'flag', 'toggle', 'consent', 'opt', 'optin',
  'preference', 'preferences', 'pref', 'prefs', 'privacy', 'visibility', 'access',
  // measures and shapes
  'count', 'length', 'len', 'size', 'max', 'min', 'limit', 'digits', 'chars', 'characters', 'bytes', 'bits',
  'type', 'kind', 'format', 'pattern', 'regex', 're', 'regexp', 'mask', 'template', 'schema', 'version', 'family',
  'range', 'cidr', 'subnet', 'whitelist', 'allowlist', 'prefix', 'suffix', 'domain', 'country', 'region', 'city', 'timezone', 'location', 'geo',
  'index', 'idx', 'offset', 'key', 'id', 'code', 'token', 'otp', 'at', 'time', 'timestamp', 'ts', 'date',
  // code and configuration around the value
  'config', 'configuration', 'settings', 'options', 'opts', 'service', 'provider', 'client', 'server', 'host', 'port',
  'api', 'url', 'uri', 'endpoint', 'route', 'path', 'header', 'handler', 'listener', 'callback', 'cb', 'fn', 'func',
  'util', 'utils', 'helper', 'helpers', 'module', 'factory', 'builder', 'parser', 'validator', 'formatter', 'lookup',
  'js', 'sdk', 'lib', 'library', 'package', 'plugin', 'transport', 'transporter', 'adapter', 'driver', 'queue', 'job',
  'worker', 'error', 'errors', 'err', 'exception', 'rule', 'rules', 'policy', 'json', 'fragment',
  // socket options and protocol constants: IP_MULTICAST_TTL, IP_ADD_MEMBERSHIP
  'ttl', 'membership', 'multicast', 'loop', 'protocol', 'proto',
  // messages about the value
  'subject', 'body', 'content', 'html', 'text', 'message', 'msg', 'notification', 'notifications', 'alert', 'alerts',
  'from', 'reminder',
  // editor documents of a message's body (Ghost's `email_lexical`, `mobiledoc`)
  'lexical', 'mobiledoc', 'markdown',
  // user interface around the value
  'label', 'placeholder', 'title', 'caption', 'hint', 'tooltip', 'prompt', 'input', 'field', 'column', 'col', 'table',
  'component', 'view', 'page', 'screen', 'form', 'button', 'btn', 'modal', 'dialog', 'link', 'icon', 'layout',
  'breakpoint', 'width', 'height', 'viewport', 'orientation', 'menu', 'app', 'frame', 'layer', 'style', 'class',
];

/** A name with any of these words holds a sanitized form, which the design leaves out: `hashedEmail`, `ipHash`, `maskedPan`. */
export const SANITIZED_WORDS: readonly string[] = [
  'hash', 'hashed', 'masked', 'redacted', 'anonymized', 'anonymised', 'pseudonymized', 'pseudonymised',
  'obfuscated', 'truncated', 'scrubbed', 'sanitized', 'sanitised', 'sha', 'md', 'hmac', 'digest', 'salted',
];

/**
 * An organisation's contact data is not a person's: `companyEmail`, `storeAddress`, `merchantIban`,
 * `noreplyEmail`. Refuses a match of any category when it is the word right before it.
 */
export const ORGANIZATION_QUALIFIERS: readonly string[] = [
  'company', 'business', 'store', 'shop', 'warehouse', 'office', 'merchant', 'vendor', 'supplier', 'organization',
  'organisation', 'org', 'branch', 'venue', 'restaurant', 'hotel', 'corporate', 'firm', 'agency', 'brand', 'team',
  'noreply', 'support', 'sales', 'helpdesk', 'system', 'platform',
];

/** People whose name is personal data: `customerName`, `cardholderName`, `recipientName`. */
export const PERSON_OWNERS: readonly string[] = [
  'customer', 'player', 'contact', 'billing', 'shipping', 'holder', 'cardholder', 'recipient', 'patient', 'employee',
  'person', 'author', 'guest', 'student', 'teacher', 'guardian', 'applicant', 'passenger', 'buyer', 'payer', 'payee',
  'beneficiary', 'attendee', 'spouse', 'father', 'mother', 'doctor', 'physician', 'signer', 'signatory', 'witness',
  'traveler', 'traveller', 'kin', 'consignee', 'insured', 'policyholder', 'resident', 'citizen', 'owner',
  // Left out on purpose, each common in code for a non-person: member (class member), parent (tree node),
  // caller (stack frame), visitor (AST), subscriber/receiver (pub/sub), candidate, client (OAuth), driver, tenant, agent.
];

/**
 * Qualifiers that make an ip or an address the system's own, not a person's: `serverIp`,
 * `bindAddress`, `podIp`, `loadBalancerIp`. `allowed`/`trusted` name configured allowlists.
 */
export const INFRA_QUALIFIERS: readonly string[] = [
  'server', 'host', 'hostname', 'bind', 'listen', 'listening', 'proxy', 'gateway', 'dns', 'local', 'localhost',
  'loopback', 'node', 'pod', 'cluster', 'service', 'svc', 'internal', 'private', 'public', 'container', 'vm',
  'instance', 'machine', 'router', 'subnet', 'static', 'virtual', 'floating', 'elastic', 'external', 'egress',
  'ingress', 'nat', 'upstream', 'backend', 'db', 'database', 'redis', 'mongo', 'postgres', 'mysql', 'smtp', 'broker',
  'master', 'worker', 'replica', 'primary', 'secondary', 'lb', 'balancer', 'docker', 'kube', 'kubernetes', 'vpc',
  'bastion', 'dest', 'destination', 'target', 'nameserver', 'resolver', 'ntp', 'bridge', 'tunnel', 'wan', 'lan',
  'interface', 'iface', 'eth', 'network', 'net', 'default', 'fallback', 'allowed', 'trusted', 'whitelisted',
  'whitelist', 'allowlist', 'office', 'base', 'api', 'rpc', 'endpoint', 'socket', 'peer', 'multicast', 'broadcast',
];

/**
 * Qualifiers that make an address a network, memory, blockchain or mail-envelope address, not a
 * postal one: `bindAddress`, `memoryAddress`, `contractAddress`, `walletAddress` (pseudonymous, but
 * not postal), `fromAddress`. Not `primary`/`default`/`home`: those are a customer's addresses.
 */
export const NON_POSTAL_ADDRESS_QUALIFIERS: readonly string[] = [
  'server', 'host', 'hostname', 'bind', 'listen', 'listening', 'proxy', 'gateway', 'dns', 'local', 'localhost',
  'loopback', 'node', 'pod', 'cluster', 'service', 'svc', 'internal', 'container', 'vm', 'instance', 'router',
  'subnet', 'virtual', 'physical', 'external', 'nat', 'upstream', 'backend', 'db', 'database', 'redis', 'smtp',
  'broker', 'balancer', 'docker', 'vpc', 'target', 'dest', 'destination', 'nameserver', 'resolver', 'bridge',
  'tunnel', 'wan', 'lan', 'interface', 'iface', 'eth', 'network', 'net', 'base', 'api', 'rpc', 'endpoint', 'socket',
  'peer', 'multicast', 'broadcast', 'web', 'url', 'http', 'https', 'ws', 'tcp', 'udp', 'unix', 'bluetooth', 'ble',
  'hardware', 'device', 'memory', 'mem', 'pointer', 'ptr', 'return', 'load', 'start', 'end', 'offset', 'module',
  'contract', 'wallet', 'token', 'ethereum', 'bitcoin', 'btc', 'crypto', 'deposit', 'withdrawal', 'signer',
  'spender', 'multisig', 'vault', 'pool', 'factory', 'implementation', 'account', 'public', 'private', 'ipfs',
  'onion', 'static', 'elastic', 'floating', 'from', 'to', 'reply', 'cc', 'bcc', 'sender', 'forwarding', 'relay',
  'reuse', 'source', 'group', 'lookup', 'related', 'candidate', 'attempted', 'origin',
];

/** Credentials of a system account, not a person's login: `dbUserName`, `SMTP_USERNAME`. */
export const SYSTEM_ACCOUNT_QUALIFIERS: readonly string[] = [
  'db', 'database', 'smtp', 'proxy', 'redis', 'mongo', 'postgres', 'pg', 'mysql', 'sql', 'ftp', 'sftp', 'ssh',
  'mail', 'email', 'service', 'root', 'system', 'api', 'basic', 'ldap', 'git', 'registry', 'docker', 'npm', 'broker',
  'rabbit', 'amqp', 'kafka', 'admin', 'bot', 'oauth', 'jdbc', 'sasl', 'auth', 'default', 'env',
];
