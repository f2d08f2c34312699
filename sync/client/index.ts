export * from './sync-engine';
export * from './sync-connection';
export * from './socket-ticket';
export * from './conflict-handler';
export * from './key-value-store';
export * from './edit-log';
export * from './pending-change';
export * from './docs';
