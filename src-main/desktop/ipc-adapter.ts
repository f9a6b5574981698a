import {
  ContractError,
  DESKTOP_METHOD_NAMES,
  type DesktopService,
  desktopChannel,
  type Envelope,
  ipcChannel,
  METHOD_NAMES,
  type Service,
} from '@contract';
import { dispatch, dispatchDesktop } from '@contract/dispatch';
import type { IpcMainInvokeEvent } from 'electron';
import { isTrustedFrameUrl } from './trusted-sender';

/** The part of ipcMain the adapter needs: a fake stands in for it in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers `call` on each channel behind the one wrapper every handler has:
 * a sender frame other than the app's own page is refused before anything
 * runs; `call` parses the input with the method's schema.
 */
function bindGuarded<Name extends string>(
  ipc: IpcMainLike,
  names: readonly Name[],
  channel: (name: Name) => string,
  call: (name: Name, input: unknown) => Promise<Envelope<unknown>>,
  appPageUrl: () => string,
): () => void {
  for (const name of names) {
    ipc.handle(channel(name), async (event, input): Promise<Envelope<unknown>> => {
      if (!isTrustedFrameUrl(event.senderFrame?.url, appPageUrl())) {
        return {
          ok: false,
          error: new ContractError('unauthorized', 'This page may not call the inspector.').toBody(),
        };
      }
      return call(name, input);
    });
  }
  return () => {
    for (const name of names) ipc.removeHandler(channel(name));
  };
}

/** Binds every contract method to `ipcMain.handle`, on `inspector:<method>`. */
export function bindContractToIpc(ipc: IpcMainLike, service: Service, appPageUrl: () => string): () => void {
  return bindGuarded(
    ipc,
    METHOD_NAMES,
    ipcChannel,
    (method, input) => dispatch(service, method, input),
    appPageUrl,
  );
}

/** Binds the shell's own methods (file dialogs, preferences), on `inspector-desktop:<method>`. */
export function bindDesktopToIpc(
  ipc: IpcMainLike,
  service: DesktopService,
  appPageUrl: () => string,
): () => void {
  return bindGuarded(
    ipc,
    DESKTOP_METHOD_NAMES,
    desktopChannel,
    (method, input) => dispatchDesktop(service, method, input),
    appPageUrl,
  );
}
