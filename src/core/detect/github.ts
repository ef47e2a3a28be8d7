/** GitHub repository and organisation pages (tests/url-cases.ts lists the address forms); the rules live in ids/github-repo.ts. */
import { type GithubOrgRef, type GithubRepoRef, parseGithubUrl } from '../ids/github-repo.ts';
import { hostOf } from './url-parts.ts';

export function isGithubHost(url: URL): boolean {
  const host = hostOf(url);
  return host === 'github.com' || host === 'www.github.com';
}

export function detectGithubRepo(url: URL): GithubRepoRef | undefined {
  const ref = parseGithubUrl(url);
  return ref?.kind === 'github-repo' ? ref : undefined;
}

export function detectGithubOrg(url: URL): GithubOrgRef | undefined {
  const ref = parseGithubUrl(url);
  return ref?.kind === 'github-org' ? ref : undefined;
}

export const githubRepoExamples = {
  yes: [
    'https://github.com/open-mmlab/mmpose',
    'https://github.com/kuixu/cryonet.refine',
    'https://github.com/huggingface/transformers/tree/main/src',
    'https://github.com/huggingface/transformers/blob/main/README.md',
    'https://github.com/pytorch/pytorch/issues/12345',
    'https://github.com/pytorch/pytorch/pull/678',
    'https://github.com/openai/whisper/releases',
    'https://github.com/openai/whisper/releases/tag/v20231117',
    'https://github.com/rust-lang/rust/wiki',
    'https://github.com/vitest-dev/vitest/actions',
    'https://github.com/facebookresearch/segment-anything?tab=readme-ov-file',
    'https://github.com/facebookresearch/segment-anything#readme',
    'https://github.com/CompVis/stable-diffusion.git',
    'https://github.com/CompVis/stable-diffusion/',
    'https://github.com//CompVis//stable-diffusion',
    'http://www.github.com/Lightning-AI/pytorch-lightning',
  ],
  no: [
    'https://github.com/',
    'https://github.com/settings/profile',
    'https://github.com/orgs/DeepLoRA-Unfolding/repositories',
    'https://github.com/marketplace/actions/checkout',
    'https://github.com/topics/diffusion-models',
    'https://github.com/codespaces',
    'https://github.com/copilot',
    'https://github.com/features/actions',
    'https://github.com/sponsors/sindresorhus',
    'https://github.com/search?q=arxiv&type=repositories',
    'https://github.com/fregante/template/generate',
    'https://gist.github.com/octocat/6cad326836d38bd3a7ae',
    'https://docs.github.com/en/repositories',
    'https://octocat.github.io/Spoon-Knife/',
  ],
};

export const githubOrgExamples = {
  yes: ['https://github.com/DeepLoRA-Unfolding', 'https://github.com/open-mmlab/', 'https://github.com/huggingface?tab=repositories'],
  no: [
    'https://github.com/settings',
    'https://github.com/orgs',
    'https://github.com/marketplace',
    'https://github.com/topics',
    'https://github.com/trending',
    'https://github.com/login?return_to=%2Fopen-mmlab',
    'https://gist.github.com/octocat',
  ],
};
