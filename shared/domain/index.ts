export * from './base';
export * from './lists';
export * from './industry';
export * from './entities';
export * from './quote';
export * from './rx-schemas';
export * from './defaults';
export * from './field-defaults';
