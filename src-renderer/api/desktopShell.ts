import type {
  DesktopBridge,
  DesktopInput,
  DesktopMethodName,
  DesktopOutput,
  DesktopPreferences,
  MenuCommand,
} from '@contract';
import { describeError } from '@contract/describe-error';
import { ContractError } from '@contract/errors';
import type { NativeFiles } from './fileRoutes';

/** The desktop shell's own settings and menu, as the page sees them. */
export interface DesktopShell {
  preferences(): Promise<DesktopPreferences>;
  setPreferences(change: Partial<DesktopPreferences>): Promise<DesktopPreferences>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** One shell call: its envelope unwrapped, failures as ContractError like every contract call. */
async function callShell<M extends DesktopMethodName>(
  bridge: DesktopBridge,
  method: M,
  input: DesktopInput<M>,
): Promise<DesktopOutput<M>> {
  let envelope: Awaited<ReturnType<DesktopBridge['invoke']>>;
  try {
    envelope = await bridge.invoke(method, input);
  } catch (error) {
    const detail = describeError(error);
    throw new ContractError('unavailable', `Cannot reach the inspector's main process: ${detail}`);
  }
  if (envelope.ok) return envelope.value as DesktopOutput<M>;
  throw ContractError.fromBody(envelope.error);
}

export function createNativeFiles(bridge: DesktopBridge): NativeFiles {
  return {
    kind: 'native',
    saveExport: (file) => callShell(bridge, 'files.saveExport', { file }),
    openImport: async () => (await callShell(bridge, 'files.openImport', {})).picked,
  };
}

export function createDesktopShell(bridge: DesktopBridge): DesktopShell {
  return {
    preferences: () => callShell(bridge, 'desktop.preferences', {}),
    setPreferences: (change) => callShell(bridge, 'desktop.setPreferences', change),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
