export * from './bibtex.ts';
export * from './markdown.ts';
