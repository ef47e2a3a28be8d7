export * from './add-digest.ts';
export * from './code-role.ts';
export * from './memory-store.ts';
export * from './paper.ts';
export * from './types.ts';
export * from './view.ts';
