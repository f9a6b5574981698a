import { ContractError, type Envelope, ipcChannel, METHOD_NAMES, type Service } from '@contract';
import { dispatch } from '@contract/dispatch';
import type { IpcMainInvokeEvent } from 'electron';
import { isTrustedFrameUrl } from './trusted-sender';

/** The part of ipcMain the adapter needs: a fake stands in for it in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Binds every contract method to `ipcMain.handle`, through one wrapper that
 * refuses a sender frame other than the app's own page and parses the input
 * with the method's schema before core sees it.
 */
export function bindContractToIpc(ipc: IpcMainLike, service: Service, appPageUrl: () => string): () => void {
  for (const method of METHOD_NAMES) {
    ipc.handle(ipcChannel(method), async (event, input): Promise<Envelope<unknown>> => {
      if (!isTrustedFrameUrl(event.senderFrame?.url, appPageUrl())) {
        return {
          ok: false,
          error: new ContractError('unauthorized', 'This page may not call the inspector.').toBody(),
        };
      }
      return dispatch(service, method, input);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipc.removeHandler(ipcChannel(method));
  };
}
