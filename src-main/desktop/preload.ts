import { type InspectorBridge, IPC_EVENT_CHANNEL, ipcChannel } from '@contract/bridge';
import { desktopChannel, isDesktopMethodName, isMenuCommand, MENU_COMMAND_CHANNEL } from '@contract/desktop';
import { isEventName, isMethodName } from '@contract/names';
import { contextBridge, ipcRenderer } from 'electron';

// One narrow object: contract methods by name, contract events, the shell's
// own named calls and its menu commands. Nothing else of ipcRenderer reaches the page.
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
  desktop: {
    invoke: (method, input) => {
      if (!isDesktopMethodName(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
      return ipcRenderer.invoke(desktopChannel(method), input);
    },
    onMenuCommand: (listener) => {
      const onCommand = (_event: Electron.IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipcRenderer.on(MENU_COMMAND_CHANNEL, onCommand);
      return () => ipcRenderer.off(MENU_COMMAND_CHANNEL, onCommand);
    },
  },
};

contextBridge.exposeInMainWorld('inspector', bridge);
