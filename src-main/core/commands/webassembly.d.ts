// The slice of the WebAssembly API the command runtime uses to cap its heap:
// lib ES2023 and @types/node declare none of it (lib.dom does, but the main
// process does not load DOM types).
declare namespace WebAssembly {
  interface MemoryDescriptor {
    /** In 64 KiB pages. */
    initial: number;
    maximum?: number;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
  }
}
