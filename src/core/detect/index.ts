export { type ArxivPage, type ArxivPageKind, arxivExamples, arxivSectionKind, detectArxivPage, detectArxivUrl, isArxivHost } from './arxiv.ts';
export { detectPaper } from './detect-paper.ts';
export { detectGithubOrg, detectGithubRepo, githubOrgExamples, githubRepoExamples, isGithubHost } from './github.ts';
export { detectMirrorUrl, isMirrorPaperPath, mirrorExamples } from './mirrors.ts';
export * from './types.ts';
