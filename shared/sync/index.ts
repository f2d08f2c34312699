export * from './hlc';
export * from './merge';
export * from './field-paths';
export * from './scope';
export * from './protocol';
export * from './api';
export * from './docs';
export * from './field-policy';
