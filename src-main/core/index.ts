// Core's public surface: the desktop shell and the web bridge import only this file (the
// boundaries test holds them to it). Everything else in core is its own business.
export { listen } from './http/listen';
export { isLoopbackHost } from './http/loopback-host';
export { publicOrigin } from './http/public-url';
export { sendJson } from './http/send-json';
export { type LinkService, type LinkServiceOptions, openLinkService } from './links/link-service';
export { runUsersAction, type UsersAction, type UsersOutput } from './people/people-admin';
export { guardProcess } from './process-guard';
export type { SecretBox } from './secrets/secret-box';
export { type Core, type CoreOptions, DEFAULTS, startCore } from './start-core';
export { ownerOnlyDir, ownerOnlyFile } from './store/owner-only';
export type { FileRoute, TeamGate } from './team/gate';
