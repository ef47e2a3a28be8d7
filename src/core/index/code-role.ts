import type { CodeLink } from '../digest/types.ts';

// Upstream libraries: a digest that gives one of these as a paper's code cites the library the paper
// builds on (BigMaQ's dataset "code" is open-mmlab/mmpose), it does not point at the paper's own repository.
const UPSTREAM_OWNERS = new Set([
  'open-mmlab',
  'huggingface',
  'pytorch',
  'tensorflow',
  'keras-team',
  'scikit-learn',
  'numpy',
  'scipy',
  'pyg-team',
  'dmlc',
  'jax-ml',
  'google',
  'ultralytics',
  'opencv',
  'apache',
  'ray-project',
  'lightning-ai',
  'pytorchlightning',
  'microsoft-onnxruntime',
  'onnx',
  'mlc-ai',
  'vllm-project',
  'langchain-ai',
  'run-llama',
  'openai',
  'facebookresearch-archive',
  'nvidia',
]);
const UPSTREAM_REPOS = new Set([
  'google/jax',
  'microsoft/deepspeed',
  'microsoft/onnxruntime',
  'facebookresearch/detectron2',
  'facebookresearch/fairseq',
  'facebookresearch/faiss',
  'nvidia/megatron-lm',
  'ggerganov/llama.cpp',
  'ggml-org/llama.cpp',
  'openai/gym',
  'farama-foundation/gymnasium',
  'rwightman/pytorch-image-models',
  'mne-tools/mne-python',
  'nilearn/nilearn',
  'braindecode/braindecode',
  'neurotechx/moabb',
]);

/** True when a repository link names an upstream library rather than the paper's own code. */
export function isCitedAsCode(link: CodeLink): boolean {
  if (link.kind !== 'repo' || !link.github) return false;
  const owner = link.github.split('/')[0]!;
  return UPSTREAM_REPOS.has(link.github) || UPSTREAM_OWNERS.has(owner);
}
