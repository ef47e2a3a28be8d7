// Golden tests for the five plain-text seeds. Every expected value below was read off the seed
// files by hand (tests/fixtures/seeds/*.txt and index.json), not copied from the parser's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleKey } from '../ids/index.ts';
import { type Digest, type PaperMention, parseDigestDocument } from './index.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');
const index = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];

function seed(file: string): Digest {
  const entry = index.find((e) => e.file === file)!;
  const result = parseDigestDocument(readFileSync(join(SEEDS, file), 'utf8'), { url: entry.url, fileName: file });
  expect(result.errors).toEqual([]);
  expect(result.digests).toHaveLength(1);
  return result.digests[0]!;
}

/** The paper a post calls `name` (its short name, or its title). */
function paper(d: Digest, name: string): PaperMention {
  const key = titleKey(name);
  const found = d.papers.filter((p) => titleKey(p.name) === key || (p.title !== undefined && titleKey(p.title) === key));
  expect(
    found.map((p) => p.name),
    `one paper named ${name}`,
  ).toHaveLength(1);
  return found[0]!;
}

function code(p: PaperMention): string[] {
  return p.codeUrls.map((c) => c.url);
}

/** Every code link in the digest, paper → urls: no link may land on a second paper. */
function allCode(d: Digest): Record<string, string[]> {
  return Object.fromEntries(d.papers.filter((p) => p.codeUrls.length > 0).map((p) => [p.name, code(p)]));
}

describe('seed 2026-02-28-deep-learning.txt', () => {
  const d = seed('2026-02-28-deep-learning.txt');

  it('reads the header and title', () => {
    expect(d).toMatchObject({
      title: 'Deep Learning’s Next Frontier: Robustness, Interpretability, and Efficiency Across Diverse Domains',
      topic: 'deep learning',
      date: '2026-02-28',
      paperCount: 100,
      source: 'scipapermill.com',
      format: 'text',
      id: 'https://scipapermill.com/index.php/2026/02/28/deep-learnings-next-frontier-robustness-interpretability-and-efficiency-across-diverse-domains/',
    });
    expect(d.warnings).toEqual([]);
  });

  it('attaches every code link to its own bullet, even where bullets ran together', () => {
    expect(allCode(d)).toEqual({
      'RADE-Net': ['https://github.com/chr-is-tof/RADE-Net'],
      'BigMaQ Dataset': ['https://github.com/open-mmlab/mmpose'],
      'CryoNet.Refine': ['https://github.com/kuixu/cryonet.refine'],
      'SF3D-RGB': ['https://github.com/dfki-av/DeepLiDARFlow'],
      RAGdb: ['https://github.com/abkmystery/ragdb'],
      FlexMS: ['https://github.com/hkust-gz/flexms'],
      SPDLern: ['https://spdlearn.org'],
    });
    expect(paper(d, 'SPDLern').codeUrls).toEqual([{ url: 'https://spdlearn.org', kind: 'site' }]);
    expect(paper(d, 'RADE-Net').codeUrls).toEqual([{ url: 'https://github.com/chr-is-tof/RADE-Net', kind: 'repo', github: 'chr-is-tof/rade-net' }]);
    expect(paper(d, 'BrepCoder')).toMatchObject({ arxivId: '2602.22284', codeUrls: [] });
  });

  it('gives each arXiv link to the paper it names', () => {
    expect(paper(d, 'HARU-Net').arxivId).toBe('2602.22544');
    expect(paper(d, 'PatchDenoiser').arxivId).toBe('2602.21987');
    expect(paper(d, 'OSDaR-AR Dataset')).toMatchObject({
      arxivId: '2602.22920',
      title: 'OSDaR-AR: Enhancing Railway Perception Datasets via Multi-modal Augmented Reality',
    });
    expect(paper(d, 'BrepCoder').title).toBe('BrepCoder: A Unified Multimodal Large Language Model for Multi-task B-rep Reasoning');
    expect(paper(d, 'Bound to Disagree')).toMatchObject({
      arxivId: '2602.23128',
      title: 'Bound to Disagree: Generalization Bounds via Certifiable Surrogates',
      sections: ['bigIdeas', 'impact'],
    });
    expect(paper(d, 'TransFuzz')).toMatchObject({
      arxivId: '2602.23065',
      title: 'LLM-Powered Silent Bug Fuzzing in Deep Learning Libraries via Versatile and Controlled Bug Transfer',
    });
    expect(paper(d, 'SymTorch').arxivId).toBe('2602.21307');
    expect(paper(d, 'SGD convergence').arxivId).toBe('2602.20646');
    const ids = d.papers.flatMap((p) => (p.arxivId ? [p.arxivId] : [])).sort();
    expect(ids).toEqual(['2602.20646', '2602.21307', '2602.21987', '2602.22284', '2602.22544', '2602.22920', '2602.23065', '2602.23128']);
  });

  it('reads titles, authors and institutions in Big Ideas', () => {
    expect(paper(d, 'HARU-Net')).toMatchObject({
      title: 'HARU-Net: Hybrid Attention Residual U-Net for Edge-Preserving Denoising in Cone-Beam Computed Tomography',
      authors: ['Naveed', 'Pauwels'],
      institutions: ['Aarhus University'],
      sections: ['bigIdeas', 'impact'],
      theme: 0,
    });
    expect(paper(d, 'A Green Learning Approach to LDCT Image Restoration')).toMatchObject({
      authors: ['Wang', 'Wu', 'Kuo'],
      institutions: ['University of Southern California'],
    });
    expect(paper(d, 'Bound to Disagree')).toMatchObject({ authors: ['Bazinet'], institutions: ['Université Laval', 'ServiceNow Research'] });
    expect(paper(d, 'MEDNA-DFM')).toMatchObject({ authors: ['He'], institutions: ['City University of Hong Kong'] });
    expect(paper(d, 'XMorph')).toMatchObject({ authors: ['John Doe'], placeholderAuthors: true });
    expect(paper(d, 'PatchDenoiser').placeholderAuthors).toBe(false);
  });

  it('has three Big Ideas themes and no Under the Hood categories', () => {
    expect(d.themes.map((t) => t.section)).toEqual(['bigIdeas', 'bigIdeas', 'bigIdeas']);
    expect(d.themes[1]!.title).toBe('Interpretability');
    expect(d.intro).toMatch(/^Deep learning continues to push the boundaries of AI/);
  });
});

describe('seed 2026-02-28-deep-neural-networks.txt', () => {
  const d = seed('2026-02-28-deep-neural-networks.txt');

  it('reads the header and title', () => {
    expect(d).toMatchObject({
      title: 'Deep Neural Networks: From Theoretical Foundations to Real-World Impact',
      topic: 'deep neural networks',
      date: '2026-02-28',
      paperCount: 36,
    });
  });

  it('attaches every code link', () => {
    expect(allCode(d)).toEqual({
      'Cert-SSBD': ['https://github.com/NcepuQiaoTing/Cert-SSBD'],
      'Deep LoRA-Unfolding Networks': ['https://github.com/DeepLoRA-Unfolding'],
      'Fine-Pruning': ['https://github.com/JosephBingham/fine_pruning_ck-'],
      'Neural Prior Estimator (NPE) and NPE-LA': ['https://github.com/masoudya/neural-prior-estimator'],
      'AASIST3 Architecture Analysis': ['https://github.com/mtuciru/Interpreting-Multi-Branch-Anti-Spoofing-Architectures'],
      'Federated Learning for EV Energy Forecasting': ['https://github.com/DataStories-UniPi/FedEDF'],
    });
    expect(paper(d, 'Deep LoRA-Unfolding Networks').codeUrls).toEqual([
      { url: 'https://github.com/DeepLoRA-Unfolding', kind: 'org', github: 'deeplora-unfolding' },
    ]);
  });

  it('reads people before and after quoted titles', () => {
    expect(paper(d, 'Conjugate Learning Theory')).toMatchObject({
      title: 'Conjugate Learning Theory: Uncovering the Mechanisms of Trainability and Generalization in Deep Neural Networks',
      authors: ['Binchuan Qi'],
      institutions: ['Tongji University', 'Zhejiang Yuying College of Vocational Technology'],
      sections: ['bigIdeas', 'impact'],
    });
    expect(paper(d, 'SigmaQuant')).toMatchObject({
      authors: ['Zhang', 'Li', 'Wang'],
      institutions: ['Peking University', 'Tsinghua University'],
      sections: ['bigIdeas', 'underTheHood', 'impact'],
    });
    expect(paper(d, 'FlashMem')).toMatchObject({
      authors: ['Zhihao Shu'],
      institutions: ['University of Georgia', 'University of Texas at Arlington'],
      sections: ['bigIdeas', 'underTheHood', 'impact'],
    });
    expect(paper(d, 'Poisoned Acoustics')).toMatchObject({
      authors: ['Harrison Dahme'],
      institutions: ['Hack VC'],
      datasets: ['MELAUDIS'],
      sections: ['bigIdeas', 'underTheHood'],
    });
    expect(paper(d, 'Takeuchi’s Information Criteria as Generalization Measures for DNNs Close to NTK Regime').authors).toEqual(['Hiroki Naganuma']);
  });

  it('flags the placeholder authors', () => {
    const exploring = paper(d, 'Exploring the Impact of Parameter Update Magnitude on Forgetting and Generalization of Continual Learning');
    expect(exploring).toMatchObject({
      authors: ['John Doe', 'Jane Smith'],
      placeholderAuthors: true,
      institutions: ['University of Cambridge', 'MIT Research Lab'],
    });
    expect(paper(d, 'Understanding the Role of Rehearsal Scale in Continual Learning under Varying Model Capacities').placeholderAuthors).toBe(true);
    expect(paper(d, 'SigmaQuant').placeholderAuthors).toBe(false);
  });

  it('reads datasets of the Under the Hood bullets', () => {
    expect(paper(d, 'AASIST3 Architecture Analysis').datasets).toEqual(['ASVSpoof2019']);
    expect(paper(d, 'Fine-Pruning').datasets).toEqual(expect.arrayContaining(['CK+', 'ImageNet']));
  });
});

describe('seed 2026-05-23-deep-learning.txt', () => {
  const d = seed('2026-05-23-deep-learning.txt');

  it('reads the header and title past the "Loading Now" chrome', () => {
    expect(d).toMatchObject({
      title: 'Deep Learning’s Pulse: From Medical Imaging to Generative Design and Beyond',
      topic: 'deep learning',
      date: '2026-05-23',
      paperCount: 100,
    });
  });

  it('attaches every code link', () => {
    expect(allCode(d)).toEqual({
      'MKG-CARE': ['https://anonymous.4open.science/r/MKG-CARE-8B7B'],
      'HADS-Net': ['https://github.com/NedumCares/BIUS-Classification'],
      'Robustness of breast lesion segmentation under MRI undersampling improves with k-space-aware deep learning': [
        'https://github.com/TIO-IKIM/kspace-breast-seg',
      ],
      'An Open Multi-Center Whole-Body FDG PET/CT Foundation Model for Tumor Segmentation': ['https://github.com/liu-xiaofeng/Foundation-Model-for-PET-CT'],
      'MAM-CLIP': ['https://github.com/igulluk/MAM-CLIP'],
      AMUSE: ['https://github.com/kjeiun/amuse'],
      SPBM: ['https://github.com/aisdctuc/spbm'],
      SENSE: ['https://github.com/kailaisun/GenAI4Urban-Energy'],
    });
  });

  it('reads datasets and institutions', () => {
    expect(paper(d, 'HADS-Net')).toMatchObject({
      datasets: ['BUSI'],
      institutions: ['Nazarbayev University', 'Nnamdi Azikiwe University Awka', 'Peter University Achina-Onneh'],
      sections: ['bigIdeas', 'underTheHood', 'impact'],
    });
    expect(paper(d, 'MKG-CARE')).toMatchObject({
      datasets: ['BreastMNIST', 'DermaMNIST', 'Kvasir', 'PAD_UFES_20', 'RetinaMNIST'],
      institutions: ['University of Science and Technology of China'],
    });
    expect(paper(d, 'AMUSE')).toMatchObject({
      datasets: ['FineWeb-100B', 'CIFAR', 'SVHN', 'ImageNet', 'ISIC 2018'],
      institutions: ['KAIST', 'KRAFTON', 'Seoul National University'],
    });
    expect(paper(d, 'SPBM').datasets).toEqual(['CIFAR-10', 'CIFAR-100', 'ACSIncome']);
    expect(paper(d, 'SPBM').institutions).toContain('Artificial Intelligence Center');
    expect(paper(d, 'MAM-CLIP')).toMatchObject({ datasets: ['TEKNOFEST'], institutions: ['Stanford University'] });
    expect(paper(d, 'PneumoNet')).toMatchObject({ datasets: ['PneumoniaMNIST'], institutions: ['Korea International School'] });
    expect(paper(d, 'SENSE').institutions).toEqual(['SMART', 'MIT']);
    expect(paper(d, 'AirfoilGen').institutions).toEqual(['Zhejiang University']);
    expect(paper(d, 'Plug-in Losses for Evidential Deep Learning').institutions).toEqual(['TU Munich', 'MCML', 'Infineon Technologies', 'TU Darmstadt']);
  });

  it('keeps the four categories, two of them empty, as themes', () => {
    expect(d.themes.filter((t) => t.section === 'underTheHood').map((t) => [t.title, t.summary === ''])).toEqual([
      ['Medical Imaging Models & Datasets', false],
      ['Time Series & Graph-Based Learning', true],
      ['Optimization & Generative Models', false],
      ['Explainable AI (XAI)', true],
    ]);
    const medical = d.themes.findIndex((t) => t.title === 'Medical Imaging Models & Datasets');
    expect(paper(d, 'MAM-CLIP').theme).toBe(medical);
    expect(paper(d, 'HADS-Net').theme).toBe(0);
  });
});

describe('seed 2026-05-30-deep-learning.txt', () => {
  const d = seed('2026-05-30-deep-learning.txt');

  it('reads the header and title', () => {
    expect(d).toMatchObject({
      title: 'Deep Learning’s Next Frontier: Beyond Black Boxes, Towards Real-World Robustness and Explainability',
      topic: 'deep learning',
      date: '2026-05-30',
      paperCount: 100,
    });
  });

  it('attaches every code link; LAPLEX’s "Code:" is its arXiv id', () => {
    expect(allCode(d)).toEqual({
      CalArena: ['https://github.com/probkit/CalArena'],
      DenseUIS: ['https://github.com/rui-research/DenseUIS'],
      CLUBench: ['https://github.com/xiaofeng-github/CLUBench'],
      'ColoSeg dataset': ['https://github.com/JeremyXSC/ST-ColoNet'],
      UDD: ['https://github.com/o-messai/SDOOD'],
      CaMBRAIN: ['https://github.com/idurgam/CaMBRAIN'],
      DVNN: ['https://github.com/hhjc-web/plaplace'],
      'MORI-Seg': ['https://github.com/ddrrnn123/MORI-Seg'],
      PILOT: ['https://github.com/SattamAltwaim/PILOT'],
    });
    expect(paper(d, 'LAPLEX')).toMatchObject({
      arxivId: '2605.24584',
      codeUrls: [],
      title: 'LAPLEX: The FFT of Learnable Laplace Kernels',
      authors: ['Łukasz Struski'],
    });
  });

  it('reads the bracketed titles and authors of the dash bullets', () => {
    expect(paper(d, 'CalArena')).toMatchObject({ title: 'CalArena: A Large-Scale Post-Hoc Calibration Benchmark', authors: ['Eugène Berta'] });
    expect(paper(d, 'PILOT')).toMatchObject({
      title: 'PILOT: Policy-Informed Learned Optimization for Adaptive Deep Network Training',
      authors: ['Sattam Altuuaim'],
    });
    expect(paper(d, 'ColoSeg dataset')).toMatchObject({
      title: 'ST-ColoNet: Spatio-Temporal Colon Segment Recognition via Hybrid Attention and Edge-Guided Feature Learning',
      authors: ['Ziyi Wang'],
      datasets: ['ColoSeg'],
    });
  });

  it('reads Big Ideas titles with their people', () => {
    expect(paper(d, 'CB-SLICE')).toMatchObject({
      title: 'CB-SLICE: Concept-Based Interpretable Error Slice Discovery',
      authors: ['Yael Konforti'],
      institutions: ['University of Cambridge'],
    });
    expect(paper(d, 'Improving Adversarial Robustness of Attribution via Implicit Regularization')).toMatchObject({
      authors: ['Amir Mehrpanah'],
      institutions: ['KTH Royal Institute of Technology'],
    });
    expect(paper(d, 'ZEROGNN').institutions).toEqual(['William & Mary']);
    expect(paper(d, 'NeuroEdge')).toMatchObject({ authors: ['Peter Chudinov'], institutions: ['San Francisco State University'] });
  });

  it('groups the dash bullets under their two categories', () => {
    expect(d.themes.filter((t) => t.section === 'underTheHood').map((t) => t.title)).toEqual([
      'Benchmarks for Model Evaluation',
      'Novel Architectures & Models',
    ]);
    expect(paper(d, 'CalArena').theme).toBe(4);
    expect(paper(d, 'LAPLEX').theme).toBe(5);
  });
});

describe('seed 2026-07-04-deep-learning.txt', () => {
  const d = seed('2026-07-04-deep-learning.txt');

  it('reads the header and title', () => {
    expect(d).toMatchObject({
      title: 'Deep Learning: Charting the Path from Foundational Theory to Real-World Impact and Future Challenges',
      topic: 'deep learning',
      date: '2026-07-04',
      paperCount: 100,
    });
  });

  it('attaches every code link, and none to the DOI-only bullet', () => {
    expect(allCode(d)).toEqual({
      VisionAId: ['https://github.com/floreaGabriel/VisionAId'],
      SINA: ['https://anonymous.4open.science/r/SINA-213F'],
      'CNN Models for Microphone Array Upsampling': ['https://github.com/marianthiadm/Upsampling-sparse-microphone-array-with-CNN'],
      'Contrastive Deep Learning for Age Biomarkers': ['https://github.com/kcuses/skin_histological_age'],
      MuRFiV: ['https://github.com/jx-wang-s-group/MuRFiV'],
      'Speech Playground': ['https://github.com/stephenmac7/speech-playground'],
      MammoFlow: ['https://github.com/XYPB/MammoFlow'],
      RSICCLLM: ['https://github.com/keaill/RSICCLLM'],
      IBRSteG: ['https://github.com/LingXiang2023/IBRSteG'],
      BeyondArena: ['https://github.com/TabArena/data-foundry'],
      SPARC: ['https://github.com/CASE-Lab-UMD/SPARC'],
    });
    expect(paper(d, 'Split-n-Chain').codeUrls).toEqual([]);
  });

  it('merges the repeated DRL-CLBA bullet with its Big Ideas mention', () => {
    const drl = paper(d, 'DRL-CLBA');
    expect(drl).toMatchObject({
      sections: ['bigIdeas', 'underTheHood'],
      authors: ['Yueming Huang'],
      datasets: ['SCD', 'AudioMNIST', 'LibriKWS-20', 'AISHELL3-50', 'VoxCeleb1-50', 'ESD'],
    });
    expect(drl.contexts.filter((c) => c.section === 'underTheHood')).toHaveLength(2);
  });

  it('reads datasets and authors of the bullets', () => {
    expect(paper(d, 'MalariAI')).toMatchObject({ datasets: ['NIH BBBC041', 'MP-IDB'], authors: ['Kaysarul Anas Apurba'] });
    expect(paper(d, 'CNN Models for Microphone Array Upsampling').datasets).toEqual(['STARSS23']);
    expect(paper(d, 'Enhancing Oracle Bone Inscription Recognition').datasets).toEqual(['Oracle-MNIST', 'HUST-OBS', 'OBC306', 'EVOBC']);
    expect(paper(d, 'MammoFlow').datasets).toEqual(['CSAW', 'VinDr']);
    expect(paper(d, 'VisionAId').authors).toEqual(['Cristian-Gabriel Florea', 'Stelian Spînu']);
    expect(paper(d, 'MTL-BA').authors).toEqual(['A. Nuri Cevik']);
    expect(paper(d, 'M-QCDNet').authors).toEqual(['Yiyao Yang']);
    expect(paper(d, 'MuRFiV').datasets).toEqual([]);
  });

  it('follows Big Ideas names into Impact', () => {
    expect(paper(d, 'ElemeNet')).toMatchObject({ authors: ['Jacob W. Toney'], sections: ['bigIdeas', 'impact'] });
    expect(paper(d, 'Trust the Prior (or Not)').sections).toEqual(['underTheHood', 'impact']);
    expect(paper(d, 'Online TT-ALS').authors).toEqual(['Hiroki Takeda']);
  });

  it('has four Big Ideas themes and no categories', () => {
    expect(d.themes).toHaveLength(4);
    expect(d.themes.every((t) => t.section === 'bigIdeas')).toBe(true);
  });
});
