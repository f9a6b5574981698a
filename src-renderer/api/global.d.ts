import type { InspectorBridge } from '@contract';

declare global {
  interface Window {
    /** Put there by the Electron preload; absent in a plain browser. */
    inspector?: InspectorBridge;
  }
}
