export * from './messages';
export * from './credit-code';
export * from './mobile';
export * from './email';
export * from './company-name';
export * from './storable-text';
