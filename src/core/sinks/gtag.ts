// Google tag (gtag.js): `gtag('event', name, params)`, `gtag('config', id, { user_id })`,
// `gtag('set', { user_data })`, also as `window.gtag`. Data: every argument after the command.
// `gtag` is the snippet's own function (`function gtag(){dataLayer.push(arguments)}`), so a file
// that declares it is no counter-evidence; an import from another package than ga-gtag is.
import { stringValue, valueArgs } from './options';
import { calleeChain, type Provenance } from './provenance';
import { isProjectModule } from './names';
import type { SinkRecognizer } from './types';

const COMMANDS = new Set(['event', 'config', 'set']);

/** The global `gtag` (`gtag(…)`, `window.gtag(…)`, an alias of either) or one imported by name. */
function isGtag(chain: Provenance): boolean {
  if (chain.module === undefined) return chain.root === 'gtag' && chain.steps.length === 0;
  const imported = chain.steps.length === 0 || (chain.steps.length === 1 && chain.steps[0] === 'gtag');
  return imported && (chain.module === 'ga-gtag' || isProjectModule(chain.module));
}

export const gtagSink: SinkRecognizer = {
  id: 'gtag',
  family: 'gtag',
  kind: 'third-party',
  matchCall(site, context) {
    if (site.method !== 'gtag' || !COMMANDS.has(stringValue(site.call.arguments[0]) ?? '')) return undefined;
    const chain = calleeChain(site, context);
    if (!chain || !isGtag(chain)) return undefined;
    const dataArgs = valueArgs(site.call.arguments.slice(1));
    return dataArgs.length > 0 ? { kind: 'third-party', family: 'gtag', dataArgs } : undefined;
  },
};
