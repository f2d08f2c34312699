export * from './stage-gate';
export * from './duplicates';
export * from './deal-math';
export * from './contract-math';
export * from './deal-stage';
export * from './lead-conversion';
export * from './record-ownership';
export * from './derived-fields';
