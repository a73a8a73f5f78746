// The shape of every export format on a small dataset, and the options that filter it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS, checkExportOptions } from '../../../src/core/export/options.ts';
import type { ExportOptions } from '../../../src/core/export/options.ts';
import { formatAnswer } from '../../../src/core/export/answer-text.ts';
import { exportFiles } from './synthetic-dataset.ts';

const OPTIONS: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS, appVersion: '0.1.0' };

describe('export formats', () => {
  it('writes the native archive and all training formats side by side', async () => {
    const files = await exportFiles(2, OPTIONS);
    expect(Object.keys(files)).toMatchInlineSnapshot(`
      [
        "images/c0.png",
        "code/c0.py",
        "images/c1.png",
        "code/c1.py",
        "charts.jsonl",
        "qa.jsonl",
        "llava.json",
        "sharegpt.json",
        "dataset_info.json",
        "metadata.jsonl",
        "recipe.json",
        "manifest.json",
        "README.md",
      ]
    `);
    expect(JSON.parse(files['llava.json'] as string)).toMatchInlineSnapshot(`
      [
        {
          "conversations": [
            {
              "from": "human",
              "value": "<image>
      What is the value of B? Let's think step by step.",
            },
            {
              "from": "gpt",
              "value": "Find the bar labelled B.
      Its top is at 2.
      Answer: 2%",
            },
          ],
          "id": "q0a",
          "image": "images/c0.png",
        },
        {
          "conversations": [
            {
              "from": "human",
              "value": "<image>
      Which bar is taller? Let's think step by step.",
            },
            {
              "from": "gpt",
              "value": "A is 0, B is 2.
      Answer: B",
            },
          ],
          "id": "q0b",
          "image": "images/c0.png",
        },
        {
          "conversations": [
            {
              "from": "human",
              "value": "<image>
      What is the value of B? Let's think step by step.",
            },
            {
              "from": "gpt",
              "value": "Find the bar labelled B.
      Its top is at 2.
      Answer: 2%",
            },
          ],
          "id": "q1a",
          "image": "images/c1.png",
        },
        {
          "conversations": [
            {
              "from": "human",
              "value": "<image>
      Which bar is taller? Let's think step by step.",
            },
            {
              "from": "gpt",
              "value": "A is 1, B is 2.
      Answer: B",
            },
          ],
          "id": "q1b",
          "image": "images/c1.png",
        },
      ]
    `);
    expect(JSON.parse(files['sharegpt.json'] as string)).toMatchInlineSnapshot(`
      [
        {
          "images": [
            "images/c0.png",
          ],
          "messages": [
            {
              "content": "<image>What is the value of B? Let's think step by step.",
              "role": "user",
            },
            {
              "content": "Find the bar labelled B.
      Its top is at 2.
      Answer: 2%",
              "role": "assistant",
            },
          ],
        },
        {
          "images": [
            "images/c0.png",
          ],
          "messages": [
            {
              "content": "<image>Which bar is taller? Let's think step by step.",
              "role": "user",
            },
            {
              "content": "A is 0, B is 2.
      Answer: B",
              "role": "assistant",
            },
          ],
        },
        {
          "images": [
            "images/c1.png",
          ],
          "messages": [
            {
              "content": "<image>What is the value of B? Let's think step by step.",
              "role": "user",
            },
            {
              "content": "Find the bar labelled B.
      Its top is at 2.
      Answer: 2%",
              "role": "assistant",
            },
          ],
        },
        {
          "images": [
            "images/c1.png",
          ],
          "messages": [
            {
              "content": "<image>Which bar is taller? Let's think step by step.",
              "role": "user",
            },
            {
              "content": "A is 1, B is 2.
      Answer: B",
              "role": "assistant",
            },
          ],
        },
      ]
    `);
    expect(JSON.parse(files['dataset_info.json'] as string)).toMatchInlineSnapshot(`
      {
        "cit_studio": {
          "columns": {
            "images": "images",
            "messages": "messages",
          },
          "file_name": "sharegpt.json",
          "formatting": "sharegpt",
          "tags": {
            "assistant_tag": "assistant",
            "content_tag": "content",
            "role_tag": "role",
            "user_tag": "user",
          },
        },
      }
    `);
    expect(
      files['metadata.jsonl']
        ?.split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    ).toMatchInlineSnapshot(`
        [
          {
            "answers": [
              "2%",
              "B",
            ],
            "chart_id": "c0",
            "code": "import matplotlib.pyplot as plt
        plt.bar(['A', 'B'], [0, 2])
        ",
            "file_name": "images/c0.png",
            "kinds": [
              "recognition",
              "reasoning",
            ],
            "level": "easy",
            "major": "bar",
            "minor": "bar-plain",
            "qa_ids": [
              "q0a",
              "q0b",
            ],
            "questions": [
              "What is the value of B? Let's think step by step.",
              "Which bar is taller? Let's think step by step.",
            ],
            "responses": [
              "Find the bar labelled B.
        Its top is at 2.
        Answer: 2%",
              "A is 0, B is 2.
        Answer: B",
            ],
            "title": "Chart 0",
            "topics": [
              "economy",
            ],
            "verification": [
              "verified",
              "mismatch",
            ],
          },
          {
            "answers": [
              "2%",
              "B",
            ],
            "chart_id": "c1",
            "code": "import matplotlib.pyplot as plt
        plt.bar(['A', 'B'], [1, 2])
        ",
            "file_name": "images/c1.png",
            "kinds": [
              "recognition",
              "reasoning",
            ],
            "level": "hard",
            "major": "line",
            "minor": "line-plain",
            "qa_ids": [
              "q1a",
              "q1b",
            ],
            "questions": [
              "What is the value of B? Let's think step by step.",
              "Which bar is taller? Let's think step by step.",
            ],
            "responses": [
              "Find the bar labelled B.
        Its top is at 2.
        Answer: 2%",
              "A is 1, B is 2.
        Answer: B",
            ],
            "title": "Chart 1",
            "topics": [
              "health",
            ],
            "verification": [
              "verified",
              null,
            ],
          },
        ]
      `);
    expect(JSON.parse(files['manifest.json'] as string)).toMatchInlineSnapshot(`
      {
        "appVersion": "0.1.0",
        "counts": {
          "charts": 2,
          "images": 2,
          "qa": 4,
          "recipes": 1,
          "runs": 1,
        },
        "dataset": {
          "createdAt": "2026-01-02T03:04:05.000Z",
          "description": "Synthetic [test] data.",
          "id": "ds1",
          "name": "Sales <b>charts</b> | *demo*",
          "updatedAt": "2026-01-02T03:04:05.000Z",
        },
        "files": [
          "llava.json",
          "sharegpt.json",
          "dataset_info.json",
          "metadata.jsonl",
          "README.md",
        ],
        "format": "cit-studio-dataset",
        "formatVersion": 1,
        "images": [
          {
            "bytes": 94,
            "path": "images/c0.png",
            "sha256": "2653e40cd43259b029c0fc6d810cdad6534929eafc2eddbf921c8fb073ce2ffd",
          },
          {
            "bytes": 104,
            "path": "images/c1.png",
            "sha256": "1df97ce9d6e59a4965cc6b03d9a937600465660b3f085de7ad416269956af688",
          },
        ],
        "schemaVersion": 1,
      }
    `);
    expect(files['recipe.json']).toContain('"run1"');
    expect(files['code/c0.py']).toBe(
      "import matplotlib.pyplot as plt\nplt.bar(['A', 'B'], [0, 2])\n",
    );
    const chartLine = JSON.parse(files['charts.jsonl']?.split('\n')[0] as string);
    expect(chartLine.image).toMatchInlineSnapshot(`
      {
        "bytes": 94,
        "height": 4,
        "path": "images/c0.png",
        "phash": null,
        "sha256": "2653e40cd43259b029c0fc6d810cdad6534929eafc2eddbf921c8fb073ce2ffd",
        "width": 4,
      }
    `);
    expect(files['qa.jsonl']?.trim().split('\n')).toHaveLength(4);
  });

  it('filters by review and verification', async () => {
    // Chart c4 is rejected; default excludes rejected.
    const all = await exportFiles(5, OPTIONS);
    expect(Object.keys(all).filter((path) => path.startsWith('images/'))).toHaveLength(4);
    const withRejected = await exportFiles(5, { ...OPTIONS, includeRejected: true });
    expect(Object.keys(withRejected).filter((path) => path.startsWith('images/'))).toHaveLength(5);
    const accepted = await exportFiles(5, { ...OPTIONS, acceptedOnly: true });
    expect(Object.keys(accepted).filter((path) => path.startsWith('images/'))).toEqual([
      'images/c0.png',
      'images/c2.png',
    ]);
    // Only "recognition" Q&A are accepted in the synthetic data.
    const acceptedRows = JSON.parse(accepted['llava.json'] as string) as { id: string }[];
    expect(acceptedRows.map((row) => row.id)).toEqual(['q0a', 'q2a']);
    const verified = await exportFiles(5, { ...OPTIONS, verifiedOnly: true });
    const verifiedRows = JSON.parse(verified['sharegpt.json'] as string) as unknown[];
    expect(verifiedRows).toHaveLength(4);
    const manifest = JSON.parse(verified['manifest.json'] as string);
    expect(manifest.counts).toEqual({ charts: 4, qa: 4, images: 4, recipes: 1, runs: 1 });
  });

  it('leaves out code, steps and the suffix when asked', async () => {
    const files = await exportFiles(1, {
      ...OPTIONS,
      formats: ['llava', 'imagefolder'],
      includeCode: false,
      includeSteps: false,
      questionSuffix: '',
    });
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'images/c0.png',
      'llava.json',
      'metadata.jsonl',
    ]);
    const rows = JSON.parse(files['llava.json'] as string);
    expect(rows[0].conversations).toEqual([
      { from: 'human', value: '<image>\nWhat is the value of B?' },
      { from: 'gpt', value: '2%' },
    ]);
    expect(JSON.parse(files['metadata.jsonl'] as string)).not.toHaveProperty('code');
  });

  it('re-encodes images with an injected JPEG encoder and refuses JPEG for the native archive', async () => {
    const encode = async (png: Uint8Array, quality: number) =>
      new Uint8Array([0xff, 0xd8, 0xff, quality, png.length & 255]);
    const jpeg = { kind: 'jpeg' as const, quality: 80, encode };
    expect(checkExportOptions({ ...OPTIONS, imageFormat: jpeg })?.kind).toBe('bad-options');
    const options = { ...OPTIONS, formats: ['llava' as const], imageFormat: jpeg };
    expect(checkExportOptions(options)).toBeNull();
    const files = await exportFiles(1, options);
    expect(Object.keys(files)).toContain('images/c0.jpg');
    expect(JSON.parse(files['llava.json'] as string)[0].image).toBe('images/c0.jpg');
    expect(checkExportOptions({ ...options, imageFormat: { ...jpeg, quality: 0 } })).not.toBeNull();
    expect(checkExportOptions({ ...OPTIONS, formats: [] })).not.toBeNull();
  });

  it('formats every answer type', () => {
    expect(formatAnswer({ type: 'number', value: 0.1 + 0.2, unit: 'kg' })).toBe('0.3 kg');
    expect(formatAnswer({ type: 'year', value: 2019 })).toBe('2019');
    expect(formatAnswer({ type: 'boolean', value: false })).toBe('No');
    expect(formatAnswer({ type: 'list', value: ['A', 1.5], ordered: true })).toBe('A, 1.5');
  });
});
