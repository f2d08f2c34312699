export * from './sync-engine';
export * from './sync-connection';
export * from './socket-ticket';
export * from './conflict-handler';
export * from './pending-tracker';
export * from './docs';
