import type { IpcMainInvokeEvent } from 'electron';
import type { IpcMainLike } from '../../../src-main/desktop/ipc-adapter';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

/** Records what the adapter registers, as ipcMain would, and calls a channel as a frame would. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  call(channel: string, senderFrame: { url: string } | null | undefined, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame } as unknown as IpcMainInvokeEvent, input);
  }
}
