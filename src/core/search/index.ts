export * from './query.ts';
export * from './document.ts';
export * from './match.ts';
export * from './highlight.ts';
export * from './edit-distance.ts';
