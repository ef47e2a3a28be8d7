import { describe, expect, it } from 'vitest';
import { githubRepoUrl, isReservedOwner, orgRef, parseGithubUrl, parseRepoSlug, repoRef } from './github-repo.ts';

describe('parseGithubUrl', () => {
  it('reads a repository, keeping display case apart from the key', () => {
    expect(parseGithubUrl('https://github.com/CompVis/stable-diffusion.git/')).toEqual({
      kind: 'github-repo',
      key: 'compvis/stable-diffusion',
      owner: 'CompVis',
      repo: 'stable-diffusion',
    });
  });

  it('reads addresses without a scheme and on www', () => {
    expect(parseGithubUrl('github.com/kuixu/cryonet.refine')?.key).toBe('kuixu/cryonet.refine');
    expect(parseGithubUrl('https://www.github.com/kuixu/cryonet.refine')?.key).toBe('kuixu/cryonet.refine');
  });

  it('reads an organisation', () => {
    expect(parseGithubUrl('https://github.com/DeepLoRA-Unfolding')).toEqual({
      kind: 'github-org',
      key: 'deeplora-unfolding',
      owner: 'DeepLoRA-Unfolding',
    });
  });

  it('does not split a name on an encoded slash', () => {
    expect(parseGithubUrl('https://github.com/owner%2Frepo')).toBeUndefined();
  });

  it.each([
    'https://github.com/settings',
    'https://github.com/orgs/open-mmlab',
    'https://github.com/codespaces/new',
    'https://github.com/models/openai',
    'https://github.com/owner/repo/generate',
    'https://gist.github.com/owner/abc',
    'https://github.com/-bad-/repo',
    'https://github.com/owner/..',
    'https://github.com/owner/.git',
    'https://github.com/owner/re po',
    'ftp://github.com/owner/repo',
    'http://[::1',
  ])('rejects %s', (url) => {
    expect(parseGithubUrl(url)).toBeUndefined();
  });
});

describe('reserved owners', () => {
  it('covers the maintained list and newer product paths, in any case', () => {
    for (const name of ['settings', 'orgs', 'marketplace', 'topics', 'Sponsors', 'codespaces', 'copilot', 'models', 'solutions']) {
      expect(isReservedOwner(name), name).toBe(true);
    }
  });

  it('leaves real accounts alone, including ones the list documents as ordinary pages', () => {
    for (const name of ['open-mmlab', 'github', 'labels', 'media']) {
      expect(isReservedOwner(name), name).toBe(false);
    }
  });
});

describe('refs from parts', () => {
  it('parses owner/repo slugs as meta tags write them', () => {
    expect(parseRepoSlug(' open-mmlab/mmpose ')?.key).toBe('open-mmlab/mmpose');
    expect(parseRepoSlug('open-mmlab')).toBeUndefined();
    expect(parseRepoSlug('a/b/c')).toBeUndefined();
  });

  it('builds refs and addresses', () => {
    const ref = repoRef('Open-MMLab', 'MMPose.git');
    expect(ref?.key).toBe('open-mmlab/mmpose');
    expect(githubRepoUrl(ref!)).toBe('https://github.com/Open-MMLab/MMPose');
    expect(orgRef('new')).toBeUndefined();
    expect(orgRef('a'.repeat(40))).toBeUndefined();
  });
});
