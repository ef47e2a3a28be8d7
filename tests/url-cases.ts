import fc from 'fast-check';

/**
 * Real address forms and what each one shows (arXiv's per-paper views, their mirrors, GitHub repositories and
 * organisations). Shared so the background's tab
 * watching can be tested against the same table as the detectors.
 * `null` means "not a single-paper or repository page".
 */
export type ExpectedPage =
  | { arxiv: string; version?: number; pageKind: 'abs' | 'pdf' | 'html' | 'mirror' | 'other' }
  | { repo: string; display: string }
  | { org: string; display: string }
  | null;

const abs = (arxiv: string, version?: number): ExpectedPage => page(arxiv, 'abs', version);
const pdf = (arxiv: string, version?: number): ExpectedPage => page(arxiv, 'pdf', version);
const html = (arxiv: string, version?: number): ExpectedPage => page(arxiv, 'html', version);
const other = (arxiv: string, version?: number): ExpectedPage => page(arxiv, 'other', version);
const mirror = (arxiv: string, version?: number): ExpectedPage => page(arxiv, 'mirror', version);
const repo = (display: string): ExpectedPage => ({ repo: display.toLowerCase(), display });
const org = (display: string): ExpectedPage => ({ org: display.toLowerCase(), display });

function page(arxiv: string, pageKind: 'abs' | 'pdf' | 'html' | 'mirror' | 'other', version?: number): ExpectedPage {
  return version === undefined ? { arxiv, pageKind } : { arxiv, version, pageKind };
}

export const urlCases: ReadonlyArray<readonly [string, ExpectedPage]> = [
  // arXiv abstract pages
  ['https://arxiv.org/abs/2604.02330', abs('2604.02330')],
  ['https://arxiv.org/abs/2203.14206v2', abs('2203.14206', 2)],
  ['https://arxiv.org/abs/2203.14206v2/', abs('2203.14206', 2)],
  ['http://arxiv.org/abs/1706.03762', abs('1706.03762')],
  ['https://www.arxiv.org/abs/1706.03762v7', abs('1706.03762', 7)],
  ['https://export.arxiv.org/abs/2203.14206', abs('2203.14206')],
  ['https://arxiv.org/abs/2203.14206?context=cs', abs('2203.14206')],
  ['https://arxiv.org/abs/2203.14206v1#comments', abs('2203.14206', 1)],
  ['https://arxiv.org//abs//2203.14206', abs('2203.14206')],
  ['https://arxiv.org/abs/1110.2832', abs('1110.2832')],
  ['https://arxiv.org/abs/0704.0001', abs('0704.0001')],
  ['https://arxiv.org/abs/1501.00001', abs('1501.00001')],
  ['https://arxiv.org/abs/hep-th/9901001', abs('hep-th/9901001')],
  ['https://arxiv.org/abs/hep-th/9901001v3', abs('hep-th/9901001', 3)],
  ['https://arxiv.org/abs/math.GT/0309136v1', abs('math/0309136', 1)],
  ['http://export.arxiv.org/abs/cond-mat/0408502', abs('cond-mat/0408502')],
  ['https://arxiv.org/abs?id=hep-th/9901001', abs('hep-th/9901001')],
  ['http://arxiv.org/abs?archive=hep-th&papernum=9901001', abs('hep-th/9901001')],
  // arXiv PDFs
  ['https://arxiv.org/pdf/2604.14779', pdf('2604.14779')],
  ['https://arxiv.org/pdf/2604.14779v1', pdf('2604.14779', 1)],
  ['https://arxiv.org/pdf/2203.14206v2.pdf', pdf('2203.14206', 2)],
  ['https://arxiv.org/pdf/2203.14206.pdf', pdf('2203.14206')],
  ['https://arxiv.org/pdf/hep-th/9901001', pdf('hep-th/9901001')],
  ['http://www.arxiv.org/pdf/hep-th/9901001v2.pdf', pdf('hep-th/9901001', 2)],
  ['https://export.arxiv.org/pdf/1706.03762', pdf('1706.03762')],
  ['https://arxiv.org/ftp/arxiv/papers/1110/1110.2832.pdf', pdf('1110.2832')],
  ['https://arxiv.org/ftp/cond-mat/papers/0408/0408502.pdf', pdf('cond-mat/0408502')],
  // arXiv HTML full text
  ['https://arxiv.org/html/2503.11651v1', html('2503.11651', 1)],
  ['https://arxiv.org/html/2503.11651v1/', html('2503.11651', 1)],
  ['https://arxiv.org/html/2503.11651v1#S3', html('2503.11651', 1)],
  ['https://arxiv.org/html/2503.11651v1/#S3.SS2', html('2503.11651', 1)],
  ['https://arxiv.org/html/2503.11651', html('2503.11651')],
  ['https://arxiv.org/html/2503.11651v1/x1.png', null],
  ['https://arxiv.org/html/2503.11651v1/extracted/6281234/figures/overview.png', null],
  // arXiv other per-paper views
  ['https://arxiv.org/format/2203.14206', other('2203.14206')],
  ['https://arxiv.org/src/2203.14206v1', other('2203.14206', 1)],
  ['https://arxiv.org/e-print/2203.14206', other('2203.14206')],
  ['https://arxiv.org/src/2203.14206v1/anc/train.py', null],
  // arXiv pages that are not one paper, and invalid ids
  ['https://arxiv.org/', null],
  ['https://arxiv.org', null],
  ['https://arxiv.org/list/cs.LG/recent', null],
  ['https://arxiv.org/list/cs.CL/pastweek?skip=0&show=25', null],
  ['https://arxiv.org/search/?query=diffusion&searchtype=all', null],
  ['https://arxiv.org/search/cs?query=federated&searchtype=title', null],
  ['https://arxiv.org/a/vaswani_a_1', null],
  ['https://info.arxiv.org/help/arxiv_identifier.html', null],
  ['https://export.arxiv.org/api/query?id_list=2203.14206', null],
  ['https://arxiv.org/abs/0704.0000', null],
  ['https://arxiv.org/abs/0612.1234', null],
  ['https://arxiv.org/abs/0703.123456', null],
  ['https://arxiv.org/abs/0707.2096va', null],
  ['https://arxiv.org/abs/2203.14206v0', null],
  ['https://arxiv.org/pdf/abs/0408502', null],
  // Mirrors
  ['https://www.alphaxiv.org/abs/2503.11651', mirror('2503.11651')],
  ['https://www.alphaxiv.org/overview/2503.11651v2', mirror('2503.11651', 2)],
  ['https://www.alphaxiv.org/pdf/2503.11651', mirror('2503.11651')],
  ['https://www.alphaxiv.org/explore', null],
  ['https://huggingface.co/papers/2503.11651', mirror('2503.11651')],
  ['https://huggingface.co/papers/2503.11651#community', mirror('2503.11651')],
  ['https://huggingface.co/papers/hep-th/9901001', null],
  ['https://huggingface.co/papers', null],
  ['https://huggingface.co/papers/trending', null],
  ['https://huggingface.co/papers/date/2025-03-14', null],
  ['https://ar5iv.labs.arxiv.org/html/1910.06709', mirror('1910.06709')],
  ['https://ar5iv.labs.arxiv.org/html/hep-th/9901001', mirror('hep-th/9901001')],
  ['https://ar5iv.labs.arxiv.org/html/1910.06709/assets/x1.png', null],
  ['https://ar5iv.org/abs/1910.06709', mirror('1910.06709')],
  ['https://ar5iv.org/html/1910.06709', mirror('1910.06709')],
  ['https://scirate.com/arxiv/2503.11651', mirror('2503.11651')],
  ['https://scirate.com/', null],
  // GitHub repositories
  ['https://github.com/open-mmlab/mmpose', repo('open-mmlab/mmpose')],
  ['https://github.com/kuixu/cryonet.refine', repo('kuixu/cryonet.refine')],
  ['https://github.com/kuixu/cryonet.refine/tree/main/cryonet', repo('kuixu/cryonet.refine')],
  ['https://github.com/huggingface/transformers/blob/main/README.md', repo('huggingface/transformers')],
  ['https://github.com/pytorch/pytorch/issues/12345', repo('pytorch/pytorch')],
  ['https://github.com/pytorch/pytorch/pull/678/files', repo('pytorch/pytorch')],
  ['https://github.com/openai/whisper/releases/tag/v20231117', repo('openai/whisper')],
  ['https://github.com/rust-lang/rust/wiki', repo('rust-lang/rust')],
  ['https://github.com/vitest-dev/vitest/actions', repo('vitest-dev/vitest')],
  ['https://github.com/facebookresearch/segment-anything?tab=readme-ov-file', repo('facebookresearch/segment-anything')],
  ['https://github.com/facebookresearch/segment-anything#readme', repo('facebookresearch/segment-anything')],
  ['https://github.com/CompVis/stable-diffusion.git', repo('CompVis/stable-diffusion')],
  ['https://github.com/kcuses/skin_histological_age.git', repo('kcuses/skin_histological_age')],
  ['https://github.com/kailaisun/GenAI4Urban-Energy/', repo('kailaisun/GenAI4Urban-Energy')],
  ['https://github.com//CompVis//stable-diffusion', repo('CompVis/stable-diffusion')],
  ['http://www.github.com/Lightning-AI/pytorch-lightning', repo('Lightning-AI/pytorch-lightning')],
  // GitHub organisations and users
  ['https://github.com/DeepLoRA-Unfolding', org('DeepLoRA-Unfolding')],
  ['https://github.com/DeepLoRA-Unfolding/', org('DeepLoRA-Unfolding')],
  ['https://github.com/open-mmlab?tab=repositories', org('open-mmlab')],
  // GitHub pages that are neither
  ['https://github.com/', null],
  ['https://github.com/settings', null],
  ['https://github.com/settings/profile', null],
  ['https://github.com/orgs/DeepLoRA-Unfolding/repositories', null],
  ['https://github.com/marketplace', null],
  ['https://github.com/marketplace/actions/checkout', null],
  ['https://github.com/topics/diffusion-models', null],
  ['https://github.com/codespaces', null],
  ['https://github.com/copilot', null],
  ['https://github.com/models', null],
  ['https://github.com/features/copilot', null],
  ['https://github.com/sponsors/sindresorhus', null],
  ['https://github.com/notifications', null],
  ['https://github.com/trending/python', null],
  ['https://github.com/new', null],
  ['https://github.com/login?return_to=%2Fopen-mmlab%2Fmmpose', null],
  ['https://github.com/search?q=arxiv&type=repositories', null],
  ['https://github.com/fregante/template/generate', null],
  ['https://gist.github.com/octocat/6cad326836d38bd3a7ae', null],
  ['https://gist.github.com/octocat', null],
  ['https://docs.github.com/en/repositories', null],
  // Elsewhere, and not addresses at all
  ['https://scipapermill.com/index.php/2026/04/18/catastrophic-forgetting-no-more/', null],
  ['https://www.semanticscholar.org/arxiv/2203.14206', null],
  ['not a url', null],
  ['', null],
  ['javascript:alert(1)', null],
  ['file:///home/me/2203.14206.pdf', null],
];

// ---- The same forms for generated ids, for the property tests ----

// Archives with the subject classes people write after them (math.GT/0309136).
const OLD_ARCHIVES: Record<string, string[]> = {
  'hep-th': [],
  'hep-ph': [],
  'astro-ph': [],
  'quant-ph': [],
  'gr-qc': [],
  nlin: [],
  'q-bio': [],
  'solv-int': [],
  physics: [],
  'cond-mat': ['.mes-hall', '.stat-mech'],
  math: ['.GT', '.CO', '.AG'],
  cs: ['.AI', '.LG'],
};

/** A valid arXiv id as it may be written, with its lookup key and the parts the address forms need. */
export interface GeneratedId {
  /** As written, without version: `2203.14206`, `math.GT/0309136`. */
  written: string;
  key: string;
  version?: number;
  yymm: string;
  /** Old style only. */
  archive?: string;
  /** The number part as it appears in file names: `2203.14206` or `0309136`. */
  file: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const newStyleId: fc.Arbitrary<Omit<GeneratedId, 'version'>> = fc
  .record({ yy: fc.integer({ min: 7, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 99_999 }) })
  .filter(({ yy, mm }) => yy > 7 || mm >= 4)
  .map(({ yy, mm, n }) => {
    const yymm = `${pad(yy, 2)}${pad(mm, 2)}`;
    const key = `${yymm}.${yy >= 15 ? pad(n, 5) : pad(n % 10_000 || 1, 4)}`;
    return { written: key, key, yymm, file: key };
  });

const oldStyleId: fc.Arbitrary<Omit<GeneratedId, 'version'>> = fc
  .record({
    archive: fc.constantFrom(...Object.keys(OLD_ARCHIVES)),
    subject: fc.nat(),
    upper: fc.boolean(),
    year: fc.integer({ min: 1991, max: 2007 }),
    mm: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 999 }),
  })
  .filter(({ year, mm }) => (year > 1991 || mm >= 8) && (year < 2007 || mm <= 3))
  .map(({ archive, subject, upper, year, mm, n }) => {
    const yymm = `${pad(year % 100, 2)}${pad(mm, 2)}`;
    const file = `${yymm}${pad(n, 3)}`;
    const classes = ['', ...OLD_ARCHIVES[archive]!];
    const written = `${upper ? archive.toUpperCase() : archive}${classes[subject % classes.length]}/${file}`;
    return { written, key: `${archive}/${file}`, yymm, archive, file };
  });

export const generatedId: fc.Arbitrary<GeneratedId> = fc
  .tuple(fc.oneof(newStyleId, oldStyleId), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }))
  .map(([id, version]) => (version === undefined ? id : { ...id, version }));

/** Every arXiv address form (abstract, PDF, HTML, other views) for one id, with the version each form keeps. */
export function addressForms(id: GeneratedId): Array<{ url: string; version?: number }> {
  const v = id.version === undefined ? '' : `v${id.version}`;
  const withV = `${id.written}${v}`;
  const forms: Array<{ url: string; version?: number }> = [];
  const keep = (url: string) => forms.push(id.version === undefined ? { url } : { url, version: id.version });
  for (const origin of ['https://arxiv.org', 'http://arxiv.org', 'https://www.arxiv.org', 'https://export.arxiv.org']) {
    keep(`${origin}/abs/${withV}`);
  }
  keep(`https://arxiv.org/abs/${withV}/`);
  keep(`https://arxiv.org/abs/${withV}?context=cs`);
  keep(`https://arxiv.org/abs/${withV}#comments`);
  keep(`https://arxiv.org//abs//${withV}`);
  keep(`https://arxiv.org/pdf/${withV}`);
  keep(`https://arxiv.org/pdf/${withV}.pdf`);
  keep(`https://arxiv.org/html/${withV}`);
  keep(`https://arxiv.org/html/${withV}/#S3`);
  keep(`https://arxiv.org/format/${withV}`);
  keep(`https://arxiv.org/src/${withV}`);
  keep(`https://arxiv.org/e-print/${withV}`);
  forms.push({ url: `https://arxiv.org/abs?id=${id.written}` });
  if (id.archive === undefined) {
    forms.push({ url: `https://arxiv.org/ftp/arxiv/papers/${id.yymm}/${id.file}.pdf` });
    // Hugging Face pages carry no version.
    forms.push({ url: `https://huggingface.co/papers/${id.key}` });
  } else {
    forms.push({ url: `https://arxiv.org/abs?archive=${id.archive}&papernum=${id.file}` });
    forms.push({ url: `https://arxiv.org/ftp/${id.archive}/papers/${id.yymm}/${id.file}.pdf` });
  }
  for (const mirror of [
    'https://www.alphaxiv.org/abs/',
    'https://www.alphaxiv.org/overview/',
    'https://www.alphaxiv.org/pdf/',
    'https://ar5iv.labs.arxiv.org/html/',
    'https://ar5iv.org/abs/',
    'https://ar5iv.org/html/',
    'https://scirate.com/arxiv/',
  ]) {
    // Mirrors write the id as arXiv prints it: the key plus any version.
    keep(`${mirror}${id.key}${v}`);
  }
  return forms;
}

/** The ways an id is written in text, each with the version it keeps. */
export function textForms(id: GeneratedId): Array<{ text: string; version?: number }> {
  const v = id.version === undefined ? '' : `v${id.version}`;
  const withV = `${id.written}${v}`;
  const keepV = (text: string) => (id.version === undefined ? { text } : { text, version: id.version });
  return [
    keepV(withV),
    keepV(`arXiv:${withV}`),
    keepV(`ARXIV:${withV}`),
    keepV(`arxiv: ${withV}`),
    keepV(`${withV}.pdf`),
    keepV(`${withV}.ps.gz`),
    keepV(`/${withV}`),
    keepV(`  ${withV}/ `),
    keepV(withV.replace('/', '//')),
  ];
}
