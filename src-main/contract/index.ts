export * from './app';
export * from './bots';
export * from './bridge';
export * from './deliveries';
export * from './errors';
export * from './links';
export * from './methods';
export * from './names';
