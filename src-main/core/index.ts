export { guardProcess } from './process-guard';
export { type Core, type CoreOptions, DEFAULTS, startCore } from './start-core';
