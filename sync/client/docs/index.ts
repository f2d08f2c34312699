export * from './doc-manager';
export * from './doc-text';
export * from './doc-lists';
