export * from './arxiv-id.ts';
export * from './github-repo.ts';
export * from './title-key.ts';
