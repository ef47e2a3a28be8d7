export * from './build.ts';
export * from './format.ts';
export * from './read.ts';
export * from './sha256.ts';
