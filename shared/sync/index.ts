export * from './merge';
export * from './scope';
export * from './protocol';
export * from './api';
export * from './docs';
export * from './field-policy';
