import { describe, expect, it } from 'vitest';
import { paperRole } from './role.ts';

describe('paperRole', () => {
  it.each([
    [
      'HARU-Net: Hybrid Attention Residual U-Net for Edge-Preserving Denoising in Cone-Beam Computed Tomography by Naveed and Pauwels from Aarhus University introduces a hybrid attention U-Net that denoises low-dose CT images while preserving critical anatomical edges.',
      ['HARU-Net', 'HARU-Net: Hybrid Attention Residual U-Net for Edge-Preserving Denoising in Cone-Beam Computed Tomography'],
      'Introduces a hybrid attention U-Net that denoises low-dose CT images while preserving critical anatomical edges',
    ],
    [
      'MalariAI: Kaysarul Anas Apurba et al. use a decoupled framework for malaria cell segmentation.',
      ['MalariAI'],
      'Uses a decoupled framework for malaria cell segmentation',
    ],
    [
      'RADE-Net: A robust attention network for radar-only object detection (https://arxiv.org/pdf/2602.10000). Code: https://github.com/x/y',
      ['RADE-Net'],
      'A robust attention network for radar-only object detection',
    ],
    ['SymTorch (https://arxiv.org/pdf/2602.21307) and others.', ['SymTorch'], undefined],
    [
      'Alongside it, LiteDenoise: Tiny Transformers for Low-Dose CT by Okafor et al. from the University of Lagos trades a little accuracy for a model small enough for the scanner itself.',
      ['LiteDenoise', 'LiteDenoise: Tiny Transformers for Low-Dose CT'],
      'Trades a little accuracy for a model small enough for the scanner itself',
    ],
  ])('%s', (sentence, names, role) => {
    expect(paperRole(sentence, names)).toBe(role);
  });

  it('keeps a role to one line', () => {
    const long = `X proposes ${'a very long method '.repeat(20)}.`;
    const role = paperRole(long, ['X'])!;
    expect(role.length).toBeLessThanOrEqual(141);
    expect(role.endsWith('…')).toBe(true);
  });
});
