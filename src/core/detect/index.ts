export * from './types.ts';
export { detectPaper } from './detect-paper.ts';
export { arxivExamples, arxivSectionKind, detectArxivPage, detectArxivUrl, isArxivHost, type ArxivPage, type ArxivPageKind } from './arxiv.ts';
export { detectMirrorUrl, isMirrorPaperPath, mirrorExamples } from './mirrors.ts';
export { detectGithubOrg, detectGithubRepo, githubOrgExamples, githubRepoExamples, isGithubHost } from './github.ts';
