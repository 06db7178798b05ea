// A sink's own redaction applied to the value an argument carries: the fields at the configured
// paths leave the value before it is flattened into what reaches the sink. `log.info({ user })`
// with `redact: ['user.email']` still carries user.phone. A path may start above the argument
// (`Sentry.setUser(u)` puts u at event.user, so `delete event.user.email` is u.email). Parameter
// markers keep what is left to remove, so a wrapper's callers get the same treatment.
import type { Redaction } from '../sinks/types';
import { pathText } from '../sinks/config/redactPaths';
import type { RedactionInfo } from '../types';
import { SANITIZED, isEmpty, type ParamMarker, type Value } from './value';

type Path = readonly string[];
type Keep = { readonly path: Path; readonly keep: readonly string[] };
/** What is left to remove, relative to some value. */
export interface RedactionEdits {
  readonly paths: readonly Path[];
  readonly keepOnly?: readonly Keep[];
  readonly declaredBy: string;
  /** The configured redaction as the hover shows it (paths from the top, not what is left). */
  readonly info?: RedactionInfo;
}
type Configured = Pick<Redaction, 'paths' | 'keepOnly' | 'declaredBy'> & { info?: RedactionInfo };

const MAX_DEPTH = 8;

/** The value without what `redaction` removes; `at` is where the value sits in the redacted object. */
export function redacted(value: Value, redaction: Configured, at: Path): Value {
  const paths: Path[] = [];
  for (const path of redaction.paths) {
    const rest = relative(path, at);
    if (rest) paths.push(rest);
  }
  const keeps: Keep[] = [];
  for (const entry of redaction.keepOnly ?? []) {
    if (entry.path.length < at.length && prefixMatches(entry.path, at)) {
      // The object the argument sits in was replaced by a copy of some fields: is this one of them?
      if (!entry.keep.includes(at[entry.path.length])) paths.push([]);
      continue;
    }
    const rest = relative(entry.path, at);
    if (rest) keeps.push({ path: rest, keep: entry.keep });
  }
  return apply(value, paths, keeps, redactionInfo(redaction), 0);
}

/** For the hover: what the redaction says it removes. */
export function redactionInfo(redaction: Configured): RedactionInfo {
  if (redaction.info) return redaction.info;
  return {
    declaredBy: redaction.declaredBy,
    paths: [...redaction.paths.map(pathText), ...(redaction.keepOnly ?? []).map((entry) => `${pathText(entry.path)} (all but ${entry.keep.join(', ') || 'nothing'})`)],
  };
}

function apply(value: Value, paths: readonly Path[], keeps: readonly Keep[], info: RedactionInfo, depth: number): Value {
  if (!paths.length && !keeps.length) return value;
  if (paths.some((path) => path.length === 0)) return SANITIZED;
  if (depth > MAX_DEPTH) return value;
  const rootKeep = keeps.find((entry) => entry.path.length === 0);
  let result: Value = value;
  if (value.fields?.size) {
    const fields = new Map<string, Value>();
    for (const [key, field] of value.fields) {
      if (rootKeep && !rootKeep.keep.includes(key)) continue;
      const below = paths.filter((path) => keyMatches(path[0], key)).map((path) => path.slice(1));
      if (below.some((path) => path.length === 0)) continue;
      const keepsBelow = keeps.filter((entry) => entry.path.length > 0 && keyMatches(entry.path[0], key)).map((entry) => ({ path: entry.path.slice(1), keep: entry.keep }));
      const kept = apply(field, below, keepsBelow, info, depth + 1);
      if (!isEmpty(kept)) fields.set(key, kept);
    }
    result = { ...value, fields };
  }
  if (rootKeep) result = { ...result, items: [] };
  if (value.markers?.length) {
    const residual: RedactionEdits = { paths, ...(keeps.length ? { keepOnly: keeps } : {}), declaredBy: info.declaredBy, info };
    result = { ...result, markers: value.markers.map((marker) => withResidual(marker, residual)) };
  }
  // `users[*].email`: the value of an array is the value of its elements.
  const elementPaths = paths.filter((path) => path[0] === '[]').map((path) => path.slice(1));
  if (elementPaths.length) result = apply(result, elementPaths, [], info, depth + 1);
  return result;
}

function withResidual(marker: ParamMarker, residual: RedactionEdits): ParamMarker {
  return { ...marker, redact: [...(marker.redact ?? []), residual] };
}

/** Whether a path's key stands for `key`: itself, '*' any key, '[]' any element or key. */
function keyMatches(segment: string | undefined, key: string): boolean {
  return segment === key || segment === '*' || segment === '[]';
}

/** The rest of `path` below `at`; [] when the path covers `at` whole; undefined when it is elsewhere. */
function relative(path: Path, at: Path): Path | undefined {
  if (path.length <= at.length) return prefixMatches(path, at) ? [] : undefined;
  return prefixMatches(path.slice(0, at.length), at) ? path.slice(at.length) : undefined;
}

function prefixMatches(path: Path, at: Path): boolean {
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    const here = at[index];
    if (segment === '*' || segment === '[]') continue;
    if (segment !== here) return false;
  }
  return true;
}
