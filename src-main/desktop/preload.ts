import { type InspectorBridge, IPC_EVENT_CHANNEL, ipcChannel } from '@contract/bridge';
import { isEventName, isMethodName } from '@contract/names';
import { contextBridge, ipcRenderer } from 'electron';

// One narrow object: contract methods by name, and contract events. Nothing
// else of ipcRenderer reaches the page.
const bridge: InspectorBridge = {
  invoke: (method, input) => {
    if (!isMethodName(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
    return ipcRenderer.invoke(ipcChannel(method), input);
  },
  subscribe: (listener) => {
    const onEvent = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, onEvent);
  },
};

contextBridge.exposeInMainWorld('inspector', bridge);
