// Debian's CPython + matplotlib running the app's render code (test/node/native-renderer.ts),
// seen as the demo tests need it: render a script at a small size, run answer programs.
import type { AnswerResult, RenderResult } from '../../../../src/python/index.ts';
import { hasMatplotlib, startNativeRenderer } from '../../../node/native-renderer.ts';

export const hasNativePython = hasMatplotlib;

export interface NativePython {
  render(code: string): Promise<RenderResult>;
  answer(renderId: string, program: string): Promise<AnswerResult>;
  close(): void;
}

export function startNativePython(): NativePython {
  const renderer = startNativeRenderer();
  return {
    render: (code) => renderer.render(code, { dpi: 50, seed: 0 }),
    answer: (renderId, program) => renderer.runAnswerProgram(renderId, program),
    close: () => renderer.close(),
  };
}
