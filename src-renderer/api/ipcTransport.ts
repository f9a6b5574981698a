import type { InspectorBridge } from '@contract';
import { describeError } from '@contract/describe-error';
import { ContractError } from '@contract/errors';
import { createDesktopShell, createNativeFiles } from './desktopShell';
import type { Transport } from './transport';

/** The desktop transport: the preload's `window.inspector`, whose IPC stream never drops. */
export function createIpcTransport(bridge: InspectorBridge): Transport {
  return {
    async invoke(method, input) {
      let envelope: Awaited<ReturnType<InspectorBridge['invoke']>>;
      try {
        envelope = await bridge.invoke(method, input);
      } catch (error) {
        // The preload turns handler failures into envelopes; a rejection means IPC itself broke.
        const detail = describeError(error);
        throw new ContractError('unavailable', `Cannot reach the inspector's main process: ${detail}`);
      }
      if (envelope.ok) return envelope.value;
      throw ContractError.fromBody(envelope.error);
    },
    subscribe: (listener) => bridge.subscribe(listener),
    onStatus(listener) {
      listener('live');
      return () => {};
    },
    close() {},
    files: createNativeFiles(bridge.desktop),
    desktop: createDesktopShell(bridge.desktop),
  };
}
