/** Word lists the heuristics share. Plain data: edit here, not in the code that uses them. */

/** Lower-case words a title or an institution name may contain between capitalised ones. */
export const MINOR = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'nor', 'to', 'in', 'on', 'via', 'with', 'from', 'at', 'as', 'into',
  'onto', 'under', 'over', 'without', 'through', 'towards', 'toward', 'beyond', 'across', 'between', 'vs', 'versus',
  'per', 'upon', 'within', 'against', 'than', 'by', 'is', 'are', 'be', 'not', 'de', 'la', 'le', 'les', 'des', 'du',
  'der', 'di', 'da', 'del', 'von', 'van', 'y', 'e', 'do', 'can', 'when', 'what', 'how', 'why', 'all', 'you', 'it',
]);

/** Capitalised words that open a sentence but never a title or a name. */
export const DISCOURSE = new Set([
  'similarly', 'recently', 'additionally', 'furthermore', 'moreover', 'meanwhile', 'finally', 'notably', 'also',
  'here', 'then', 'further', 'likewise', 'conversely', 'instead', 'importantly', 'interestingly', 'crucially',
  'lastly', 'first', 'second', 'third', 'next', 'however', 'thus', 'hence', 'therefore', 'indeed', 'specifically',
  'for', 'in', 'on', 'at', 'by', 'from', 'with', 'this', 'these', 'that', 'those', 'their', 'its', 'our', 'they',
  'we', 'it', 'such', 'while', 'whereas', 'although', 'though', 'beyond', 'building',
  'enhancing', 'researchers', 'authors', 'another', 'one', 'both', 'each', 'many', 'several', 'some', 'other',
  'new', 'novel', 'recent', 'overall', 'collectively', 'together', 'and', 'or', 'but', 'so', 'yet', 'as', 'like',
  'e.g', 'i.e', 'using', 'introduced', 'proposed', 'presented', 'developed', 'published', 'benchmarked', 'utilized',
  'utilised', 'used', 'tested', 'validated', 'evaluated', 'trained', 'code', 'paper', 'available', 'integrated',
  'enhanced', 'adapting', 'looking', 'the', 'a', 'an', 'all', 'most', 'even', 'only', 'not',
]);

/** Words that mark a name as an organisation's. */
export const INSTITUTION_WORDS = new Set([
  'University', 'Universität', 'Universitat', 'Université', 'Universite', 'Universidad', 'Università', 'Universidade',
  'Universiteit', 'Univ', 'Uniwersytet', 'College', 'Institute', 'Institut', 'Instituto', 'Istituto', 'Institution',
  'School', 'Academy', 'Académie', 'Academia', 'Laboratory', 'Laboratories', 'Lab', 'Labs', 'Laboratoire', 'Center',
  'Centre', 'Centro', 'Research', 'Inc', 'Ltd', 'LLC', 'GmbH', 'Corp', 'Corporation', 'Company', 'Hospital',
  'Hospitals', 'Clinic', 'Foundation', 'Polytechnic', 'Politecnico', 'Polytechnique', 'Technologies', 'Council',
  'Agency', 'Ministry', 'Department', 'Dept', 'Faculty', 'Observatory', 'Consortium', 'Group', 'Team', 'Systems',
  'ETH', 'EPFL', 'MIT', 'KAIST', 'CNRS', 'INRIA', 'Inria', 'TU', 'UCL', 'UCLA', 'UCSD', 'NVIDIA', 'Nvidia', 'Google',
  'DeepMind', 'Microsoft', 'Meta', 'OpenAI', 'Amazon', 'IBM', 'Apple', 'Huawei', 'Alibaba', 'Tencent', 'Baidu',
  'ByteDance', 'Samsung', 'Intel', 'Adobe', 'Salesforce', 'Anthropic', 'Mila', 'RIKEN', 'CMU', 'Stanford', 'Harvard',
  'Yale', 'Princeton', 'Oxford', 'Cambridge', 'Berkeley', 'Caltech', 'Tsinghua', 'Peking', 'Fudan', 'Zhejiang',
  'NUS', 'NTU', 'HKUST', 'CUHK', 'KTH', 'IIT', 'IISc', 'CEA', 'CSIRO', 'A*STAR', 'Fraunhofer', 'Max', 'Planck',
  'Hochschule', 'Akademie', 'Infineon', 'ServiceNow', 'Siemens', 'Bosch', 'Sony', 'Qualcomm', 'Yonsei', 'KRAFTON',
  'Institutes', 'Universities', 'Colleges', 'Schools', 'Centers', 'Centres', 'Technology', 'Hopkins', 'Columbia',
  'Cornell', 'Duke', 'Purdue', 'McGill', 'Mellon', 'Sorbonne', 'Imperial', 'Polytechnical', 'Universitas', 'Polimi',
]);

/** Words that continue an organisation's name after "and" ("University of Science and Technology of China"). */
export const AND_CONTINUES = new Set([
  'Technology', 'Technologies', 'Engineering', 'Science', 'Sciences', 'Medicine', 'Mathematics', 'Applied', 'Design',
  'Management', 'Economics', 'Informatics', 'Computing', 'Information', 'Innovation', 'Social', 'Health', 'Arts',
  'Communications', 'Telecommunications', 'Electronics', 'Physics', 'Statistics', 'Research', 'Development',
  'Automation', 'Robotics', 'Astronautics', 'Aeronautics', 'Finance', 'Business', 'Law', 'Policy', 'Humanities',
  'Mary', 'Security', 'Systems', 'Control', 'Data', 'Biology', 'Chemistry', 'Letters', 'Industry', 'Trade',
]);

/** Acronyms and terms the posts use that name fields or tools, not papers. */
export const COMMON_TERMS = new Set([
  'AI', 'ML', 'DL', 'RL', 'NLP', 'CV', 'LLM', 'LLMs', 'VLM', 'VLMs', 'MLLM', 'MLLMs', 'LVLM', 'LVLMs', 'DNN', 'DNNs',
  'CNN', 'CNNs', 'RNN', 'RNNs', 'GNN', 'GNNs', 'GAN', 'GANs', 'SNN', 'SNNs', 'ViT', 'ViTs', 'GPU', 'GPUs', 'CPU',
  'CPUs', 'TPU', 'TPUs', 'FPGA', 'FPGAs', 'SGD', 'NTK', 'MCTS', 'DAG', 'DAGs', 'XAI', 'OOD', 'IID', 'SOTA', 'API',
  'APIs', 'RAG', 'PET', 'CT', 'MRI', 'EEG', 'ECG', 'EMG', 'HD-EMG', 'CSI', 'MIMO', 'OFDM', 'DMRS', 'DoA', 'DOA',
  'IPD', 'UAV', 'UAVs', 'IoT', 'AR', 'VR', 'XR', '3D', '2D', '1D', '4D', 'LiDAR', 'RGB', 'RGB-D', 'NYC', 'USA', 'UK',
  'EU', 'US', 'COVID', 'COVID-19', 'PDE', 'PDEs', 'ODE', 'ODEs', 'MSE', 'AUC', 'F1', 'GPT', 'GPT-4', 'GPT-4o',
  'GitHub', 'PyTorch', 'TensorFlow', 'JAX', 'StarCraft', 'YouTube', 'LoRA', 'MoE', 'MLP', 'MLPs', 'KV', 'QA', 'VQA',
  'OCR', 'ASR', 'TTS', 'GNSS', 'GPS', 'HPC', 'CUDA', 'ONNX', 'SQL', 'JSON', 'HTML', 'URL', 'PDF', 'CLIP', 'BERT',
  'ResNet', 'U-Net', 'YOLO', 'Transformer', 'Transformers', 'LSTM', 'LSTMs', 'GRU', 'VAE', 'VAEs', 'DDPM', 'NeRF',
  'MNIST', 'CIFAR', 'ImageNet', 'COCO', 'SHAP', 'LIME', 'PCA', 'SVD', 'FFT', 'IEEE', 'ACM', 'NeurIPS', 'ICML',
  'ICLR', 'CVPR', 'AAAI', 'TIC', 'TT', 'II', 'III', 'IV', 'FL', 'CL', 'SSL', 'NAS', 'KD', 'OK', 'PhD', 'MSc', 'LDCT',
  'CBCT', 'DNA', 'RNA', 'HD', 'HDR', 'SAR', 'NIH', 'FDA', 'WHO', 'ICU', 'EHR', 'EHRs', 'BI-RADS', 'DIXON', 'mmWave',
  'PoW', 'PID', 'AGI', 'Android', 'iOS', 'Python', 'MATLAB', 'Qwen', 'Llama', 'LLaMA', 'Gemini', 'ChatGPT', 'DeepSeek',
  'SHD', 'MSWC', 'NMNIST', 'FiLM', 'MixStyle', 'FetalCLIP', 'SwinUNETR-v2', 'nnUNet-v2', 'nnU-Net', 'MobileNetV2',
  'EfficientNet-B0', 'EfficientNet-B3', 'ConvNeXt', 'PubMedBERT', 'GLIDE', 'DINOv3', 'MobileCLIP', 'YOLO11n-Seg',
  'YOLO26', 'Qwen-VL-Max', 'DDPG', 'SOTA-level', 'AAA', 'CTA', 'OBI', 'MSLA', 'SBIR', 'PGSA', 'UGAA', 'GUSL',
]);

/** Verbs that follow a paper's name when it is the subject ("AirfoilGen introduces …"). */
export const SUBJECT_VERBS = new Set([
  'introduces', 'introduce', 'presents', 'present', 'proposes', 'propose', 'offers', 'offer', 'uses', 'use', 'tackles',
  'tackle', 'combines', 'combine', 'synthesizes', 'synthesises', 'employs', 'employ', 'achieves', 'achieve',
  'leverages', 'leverage', 'demonstrates', 'demonstrate', 'shows', 'show', 'provides', 'provide', 'enables',
  'enable', 'creates', 'create', 'generates', 'trains', 'reveals', 'reveal', 'uncovers', 'explores', 'explore',
  'extends', 'extend', 'applies', 'apply', 'builds', 'build', 'adapts', 'addresses', 'address', 'outperforms',
  'improves', 'automates', 'establishes', 'establish', 'integrates', 'integrate', 'simplifies', 'learns', 'predicts',
  'delivers', 'bridges', 'captures', 'reduces', 'develops', 'develop', 'investigate', 'investigates', 'compare',
  'compares', 'curates', 'focuses', 'is', 'are', 'was', 'were', 'has', 'have', 'can', 'further', 'also', 'encodes',
  'merges', 'moves', 'constructs', 'unifies', 'exploits', 'incorporates', 'targets', 'achieving', 'yields',
]);

/** Verbs that introduce a name right after them ("researchers introduce HSPMD …"). */
export const INTRO_VERBS = new Set([
  'introduce', 'introduces', 'propose', 'proposes', 'present', 'presents', 'develop', 'develops', 'unveil', 'unveils',
  'release', 'releases', 'use', 'uses', 'build', 'builds', 'design', 'designs', 'called', 'named', 'dubbed',
]);

/** Nouns a post puts next to a name ("the TRACE framework", "the framework MKG-CARE"). */
export const GENERIC_NOUNS = new Set([
  'framework', 'frameworks', 'model', 'models', 'method', 'methods', 'system', 'systems', 'approach', 'architecture',
  'algorithm', 'module', 'network', 'benchmark', 'dataset', 'tool', 'toolkit', 'package', 'library', 'pipeline',
  'technique', 'paper', 'work', 'optimizer', 'platform', 'agent', 'suite', 'engine', 'metric', 'loss', 'layer',
  'analysis', 'application', 'app', 'detector', 'solver', 'estimator', 'transformer', 'encoder', 'decoder',
]);

/** Nouns after a name that make it a part of a paper, not a paper ("its Verifier module", "a “Critic-Agent” head"). */
export const COMPONENT_NOUNS = new Set([
  'module', 'modules', 'component', 'components', 'layer', 'layers', 'block', 'blocks', 'mechanism', 'head', 'heads',
  'loss', 'unit', 'units', 'branch', 'gate', 'operator', 'kernel', 'token', 'tokens', 'adapter', 'adapters', 'stage',
  'objective', 'regularizer', 'regulariser', 'agent', 'agents', 'encoder', 'decoder', 'cell', 'submodule', 'sub-module',
]);

/** Trailing words dropped when two spellings of one paper's name are compared ("FlashMem Framework"). */
export const NAME_SUFFIXES = new Set([
  'framework', 'dataset', 'datasets', 'model', 'models', 'method', 'architecture', 'library', 'benchmark', 'toolkit',
  'module', 'network', 'system', 'analysis', 'approach', 'algorithm', 'pipeline', 'package', 'tool', 'suite',
]);

/** Words after which a list of names is a list of datasets, not papers. */
export const DATASET_WORDS = new Set(['dataset', 'datasets', 'data', 'benchmark', 'benchmarks', 'corpus', 'corpora', 'suite']);

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Looks like a paper's short name: two capitals not both at the start ("HADS-Net", "AirfoilGen",
 * "SENSE"), or letters and digits together ("A4D"), and not a term every post uses.
 */
/** The last part of a hyphenated word that makes it an adjective ("CNN-based", "LLM-driven"). */
const ADJECTIVE_PARTS = new Set([
  'based', 'driven', 'aware', 'guided', 'free', 'like', 'style', 'level', 'scale', 'specific', 'agnostic', 'oriented',
  'centric', 'inspired', 'powered', 'enhanced', 'assisted', 'informed', 'augmented', 'conditioned', 'dependent',
  'invariant', 'efficient', 'wise', 'only', 'ready', 'friendly', 'native', 'grounded', 'induced', 'related', 'enabled',
  'supervised', 'tuned', 'trained', 'generated', 'type', 'compatible', 'intensive', 'sized', 'shaped', 'focused',
]);

/** "CNN-based", "LLM-driven": a word made into an adjective, never a paper's name. */
export function isAdjectiveForm(word: string): boolean {
  const dash = word.lastIndexOf('-');
  return dash > 0 && ADJECTIVE_PARTS.has(word.slice(dash + 1));
}

export function isNameLike(word: string): boolean {
  if (word.length < 2 || word.length > 40 || COMMON_TERMS.has(word) || isAdjectiveForm(word)) return false;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\-_./+&]*$/u.test(word)) return false;
  if (!/\p{L}/u.test(word)) return false;
  if (/\p{Lu}/u.test(word.slice(1))) return true;
  return /\p{N}/u.test(word) && isCapitalised(word);
}
