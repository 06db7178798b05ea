// What the engine needs from a loaded catalog; the catalog module builds it from the file.
import type { ExtraNameRules } from '../categories';
import type { CategoryId, Retention, SinkKind } from '../types';

export interface EngineCatalog {
  extraNames?: ExtraNameRules;
  /** 'Type.member' → category. */
  fields?: ReadonlyMap<string, CategoryId>;
  sanitizers?: readonly string[];
  /** The policy that declares retention for (category or an ancestor, sink kind), if any. */
  policyFor(category: CategoryId, kind: SinkKind): Retention | undefined;
}
