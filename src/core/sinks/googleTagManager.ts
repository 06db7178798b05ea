// Google Tag Manager: `dataLayer.push({ event, … })` / `window.dataLayer.push(…)` — everything
// pushed is available to every tag the container fires. `dataLayer` is GTM's own name; a file
// that imports something else by that name is not pushing to GTM.
import { valueArgs } from './options';
import { receiverChain } from './provenance';
import type { SinkRecognizer } from './types';

export const googleTagManagerSink: SinkRecognizer = {
  id: 'google-tag-manager',
  family: 'google-tag-manager',
  kind: 'third-party',
  matchCall(site, context) {
    if (site.method !== 'push') return undefined;
    const chain = receiverChain(site, context);
    if (!chain || chain.module !== undefined || chain.root !== 'dataLayer' || chain.steps.length > 0) return undefined;
    const dataArgs = valueArgs(site.call.arguments);
    return dataArgs.length > 0 ? { kind: 'third-party', family: 'google-tag-manager', dataArgs } : undefined;
  },
};
