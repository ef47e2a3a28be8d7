import { describe, expect, it } from 'vitest';
import { block } from './blocks.ts';
import { findDatasets } from './datasets.ts';
import { sentencesOf } from './sentence.ts';

function datasets(text: string): string[] {
  return sentencesOf(block('paragraph', text)).flatMap((s) => findDatasets(s).flatMap((d) => d.names));
}

describe('findDatasets', () => {
  it('reads "the X dataset"', () => {
    expect(datasets('HADS-Net employs edge maps, validated on the BUSI dataset.')).toEqual(['BUSI']);
    expect(datasets('MAM-CLIP is trained on radiology atlases and the TEKNOFEST dataset.')).toEqual(['TEKNOFEST']);
    expect(datasets('They compare CNNs using the STARSS23 dataset.')).toEqual(['STARSS23']);
    expect(datasets('SENSE creates the Global Multi-city Urban Satellite-Energy (MUSE) dataset covering NYC.')).toEqual([
      'Global Multi-city Urban Satellite-Energy (MUSE)',
    ]);
  });

  it('reads lists after "on", "across", "datasets like"', () => {
    expect(datasets('MKG-CARE uses graph attention networks on BreastMNIST, DermaMNIST, Kvasir, PAD_UFES_20, and RetinaMNIST.')).toEqual([
      'BreastMNIST',
      'DermaMNIST',
      'Kvasir',
      'PAD_UFES_20',
      'RetinaMNIST',
    ]);
    expect(datasets('AMUSE is evaluated on FineWeb-100B, CIFAR, SVHN, ImageNet, and ISIC 2018 datasets.')).toContain('ISIC 2018');
    expect(datasets('Validated across SCD, AudioMNIST, and ESD datasets.')).toEqual(['SCD', 'AudioMNIST', 'ESD']);
    expect(datasets('Uses datasets like AudioSet and TAU-SRIR.')).toEqual(['AudioSet', 'TAU-SRIR']);
    expect(datasets('Validated across diverse attacks, datasets (Tiny-ImageNet, StreetSurfaceVis), and classifiers.')).toEqual([
      'Tiny-ImageNet',
      'StreetSurfaceVis',
    ]);
    expect(datasets('An optimizer evaluated on MNIST, CIFAR10, and cervical cancer datasets.')).toEqual(['MNIST', 'CIFAR10']);
  });

  it('leaves out things that are not datasets', () => {
    expect(datasets('A framework tested on Burgers’ and Navier-Stokes equations.')).toEqual([]);
    expect(datasets('Proposing cryptographic defenses like Merkle-tree dataset commitments.')).toEqual([]);
    expect(datasets('OSDaR-AR: Enhancing Railway Perception Datasets via Multi-modal Augmented Reality')).toEqual([]);
    expect(datasets('A novel 145-subject expert-annotated dataset from a biobank.')).toEqual([]);
    expect(datasets('It runs on a microcontroller with 131 datasets.')).toEqual([]);
  });
});
