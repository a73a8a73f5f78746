// The dataset card (README.md of an export): distributions in tables, user text escaped.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/core/export/options.ts';
import type { ExportOptions } from '../../../src/core/export/options.ts';
import { escapeMarkdown } from '../../../src/core/export/dataset-card.ts';
import { exportFiles } from './synthetic-dataset.ts';

const OPTIONS: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS, appVersion: '0.1.0' };

describe('dataset card', () => {
  it('writes a dataset card with distributions and escaped user text', async () => {
    const files = await exportFiles(5, OPTIONS);
    expect(files['README.md']).toMatchInlineSnapshot(`
      "# Sales &lt;b&gt;charts&lt;/b&gt; \\| \\*demo\\*

      Synthetic \\[test\\] data.

      A chart question-answering dataset made with CIT Studio 0\\.1.0 (record schema 1).

      ## Contents

      | | Count |
      |---|---:|
      | Charts | 4 |
      | Questions and answers | 8 |
      | Image bytes | 405 |

      ## Files

      - \`manifest.json\`, \`charts.jsonl\`, \`qa.jsonl\`, \`recipe.json\`, \`images/\`, \`code/\` (re-imports into CIT Studio)
      - \`llava.json\` (LLaVA conversations)
      - \`sharegpt.json\` + \`dataset_info.json\` (ShareGPT / LLaMA-Factory)
      - \`metadata.jsonl\` (Hugging Face imagefolder, one row per image)

      ## Distributions

      ### Charts per major type

      | | Count | Share |
      |---|---:|---:|
      | bar | 2 | 50.0% |
      | line | 1 | 25.0% |
      | pie | 1 | 25.0% |

      ### Charts per minor type

      | | Count | Share |
      |---|---:|---:|
      | bar-plain | 2 | 50.0% |
      | line-plain | 1 | 25.0% |
      | pie-donut | 1 | 25.0% |

      ### Charts per level

      | | Count | Share |
      |---|---:|---:|
      | easy | 2 | 50.0% |
      | hard | 2 | 50.0% |

      ### Charts per topic

      | | Count | Share |
      |---|---:|---:|
      | economy | 2 | 50.0% |
      | health | 2 | 50.0% |

      ### Charts per review status

      | | Count | Share |
      |---|---:|---:|
      | accepted | 2 | 50.0% |
      | unreviewed | 2 | 50.0% |

      ### Questions per kind

      | | Count | Share |
      |---|---:|---:|
      | reasoning | 4 | 50.0% |
      | recognition | 4 | 50.0% |

      ### Questions per verification status

      | | Count | Share |
      |---|---:|---:|
      | verified | 4 | 50.0% |
      | mismatch | 2 | 25.0% |
      | not run | 2 | 25.0% |

      ### Layout findings per kind

      | | Count | Share |
      |---|---:|---:|
      | overlap | 1 | 25.0% |

      ### Charts per runtime

      | | Count | Share |
      |---|---:|---:|
      | pyodide (Pyodide 0.17.0), Python 3.8.2, numpy 1.17.5, matplotlib 3.3.3 | 4 | 100.0% |
      "
    `);
  });

  it('escapes Markdown and HTML in user text', () => {
    expect(escapeMarkdown('<script>| *x* [a](b)')).toBe('&lt;script&gt;\\| \\*x\\* \\[a\\](b)');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
  });
});
