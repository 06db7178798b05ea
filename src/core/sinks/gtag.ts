// Google tag (gtag.js): `gtag('event', name, params)`, `gtag('config', id, { user_id })`,
// `gtag('set', { user_data })`, also as `window.gtag`. Data: every argument after the command.
// `gtag` is the snippet's own function (`function gtag(){dataLayer.push(arguments)}`), so a file
// that declares it is no counter-evidence; an import from another package than ga-gtag is.
import { stringValue, valueArgs } from './options';
import { calleeChain } from './provenance';
import { isProjectModule } from './names';
import type { SinkRecognizer } from './types';

const COMMANDS = new Set(['event', 'config', 'set']);

export const gtagSink: SinkRecognizer = {
  id: 'gtag',
  family: 'gtag',
  kind: 'third-party',
  matchCall(site, context) {
    if (site.method !== 'gtag' || !COMMANDS.has(stringValue(site.call.arguments[0]) ?? '')) return undefined;
    const chain = calleeChain(site, context);
    if (!chain || chain.steps.length > 1) return undefined;
    if (chain.module !== undefined && chain.module !== 'ga-gtag' && !isProjectModule(chain.module)) return undefined;
    const dataArgs = valueArgs(site.call.arguments.slice(1));
    return dataArgs.length > 0 ? { kind: 'third-party', family: 'gtag', dataArgs } : undefined;
  },
};
