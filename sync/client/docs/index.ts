export * from './doc-manager';
export * from './doc-text';
