// The shape of a sink recogniser: a small declarative object per library family.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Retention, SinkKind, Span } from '../types';

/** What the file says about a name: where it was imported from, what created it, its declared type. */
export interface BindingInfo {
  /** Module specifier of an import/require that introduced the binding: 'pino', 'ioredis', 'fs'. */
  module?: string;
  /** The imported name for named imports (`import { Logger } from '@nestjs/common'` → 'Logger'). */
  importedName?: string;
  /** Callee of the initializer: 'pino', 'winston.createLogger', 'new Redis', 'fs.createWriteStream'. */
  origin?: string;
  /** The initializer call, when there was one (to read options such as a TTL). */
  originCall?: TSESTree.CallExpression | TSESTree.NewExpression;
  /** Declared type name (`logger: Logger`, `repo: Repository<User>` → 'Repository'). */
  typeName?: string;
  /** Type arguments of that declared type, by name (`Model<LoginAttempt>` → ['LoginAttempt']). */
  typeArguments?: string[];
  /** For a class declaration: what it extends (`class User extends Model` → 'Model'). */
  superClass?: string;
  /** Decorator names on a class member or constructor parameter (`@InjectRepository(User)` → 'InjectRepository'). */
  decorators?: string[];
  /**
   * For a parameter of a callback handed to a transaction or scope helper (see CALLBACK_OWNER_METHODS):
   * the helper's callee, `prisma.$transaction(async (tx) => …)` → tx: 'prisma.$transaction'.
   */
  callbackOf?: string;
  /** The call that received that callback. */
  callbackCall?: TSESTree.CallExpression;
}

export interface SinkCallSite {
  call: TSESTree.CallExpression;
  /**
   * The callee as segments: `this.logger.info` → ['this','logger','info'], `knex('t').insert` →
   * ['knex()','insert'], `new User(x).save` → ['new User()','save'], `gtag` → ['gtag'].
   * Computed members with a string literal use the literal; any other computed member is '[]'.
   */
  calleePath: string[];
  /** The last segment (the method called), without '()'. */
  method: string;
  /** The segments before the method. */
  receiverPath: string[];
  /** What is known of the receiver's root binding (for `this.x`, of the class member x). */
  receiver: BindingInfo | undefined;
}

/** An imported name followed into the workspace file that declares it. */
export interface ImportedBinding {
  context: SinkContext;
  localName: string;
}

export interface SinkContext {
  /** Follows an imported name into the file of the workspace that declares it (CLI scan, editor index). */
  resolveImport?(name: string): ImportedBinding | undefined;
  /**
   * The files of the workspace that import a module whose specifier contains `moduleHint`
   * ('express-session', '@sentry/') and whose text also has `mentions` ('.init'), this file
   * excluded: where a library is configured once for the whole process (`Sentry.init`,
   * `app.use(session({ … }))`, `log4js.configure`). Parsed only, never analysed, so asking cannot
   * recurse into the file that asks.
   */
  contextsImporting?(moduleHint: string, mentions?: string): SinkContext[];
  /** The file, workspace-relative when in a workspace: for "configured at src/logger.ts:4". */
  filePath?: string;
  /** Names of logger objects configured by the user (privacyReview.loggerNames), beyond the naming convention. */
  extraLoggerNames: ReadonlySet<string>;
  /** Binding info for a plain name in this file (imports, declarations, class members). */
  binding(name: string): BindingInfo | undefined;
  /** Source text of a node, for comparing keys and printing callees. */
  text(node: TSESTree.Node): string;
  /** The body of the function (or program) that contains the call, for "a later expire on the same key". */
  enclosingBody: TSESTree.Node;
  program: TSESTree.Program;
}

export interface SinkMatch {
  kind: SinkKind;
  family: string;
  /** Expressions whose values reach the sink. */
  dataArgs: TSESTree.Node[];
  /**
   * A technical expiry found at the sink (Redis EX, cookie maxAge, sessionStorage …). `value` is an
   * ISO-8601 duration or 'session' — or UNKNOWN_EXPIRY_LENGTH ('unknown') when the sink sets an
   * expiry whose length is not a constant of the file (`'EX', config.ttl`): retention is declared,
   * but its length cannot be compared with a catalog maximum.
   */
  expiry?: Retention;
  /** Fields the sink removes or masks before writing (pino `redact`, a winston format, Sentry `beforeSend`). */
  redactions?: readonly Redaction[];
}

/**
 * Paths a sink's configuration removes before writing, and where each data argument sits in the
 * object they apply to. A path is a list of keys; '*' is any key, '[]' any array element (or key).
 * The empty path removes everything (a `beforeSend` that always returns null).
 */
export interface Redaction {
  paths: readonly (readonly string[])[];
  /** Objects replaced by a copy of some of their fields: `event.user = { id: event.user.id }` → { path: ['user'], keep: ['id'] }. */
  keepOnly?: readonly { path: readonly string[]; keep: readonly string[] }[];
  /** What configured it and where: "pino redact at src/logger.ts:4". */
  declaredBy: string;
  span?: Span;
  file?: string;
  /**
   * The data arguments the paths apply to, each with its place in the redacted object: [] for
   * pino's merging object, ['user'] for `Sentry.setUser(u)`, ['extra', 'email'] for
   * `setExtra('email', v)` ('?' for a key the file does not state). Other arguments keep everything.
   */
  targets: ReadonlyMap<TSESTree.Node, readonly string[]>;
}

/** `expiry.value` of a technical expiry whose length the file does not state as a constant. */
export const UNKNOWN_EXPIRY_LENGTH = 'unknown';

export interface SinkRecognizer {
  /** Unique id, e.g. 'winston'. */
  id: string;
  family: string;
  kind: SinkKind;
  matchCall?(site: SinkCallSite, context: SinkContext): SinkMatch | undefined;
  /** Assignments that write somewhere: `document.cookie = …`, `localStorage.token = …`. */
  matchAssignment?(assignment: TSESTree.AssignmentExpression, context: SinkContext): SinkMatch | undefined;
}
