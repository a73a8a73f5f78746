// Self-Instruct prompts (METHOD.md §2, S1): one conversation of two turns. Turn 1 shows demo
// scripts from the seed pool, a target chart type and topics, and asks for a plan (title,
// backstory, data); turn 2 asks for the script, with the runtime and the type's plotting notes.
import type { MinorChartType } from '../../chart-types.ts';
import { runtimeVersions, type RuntimeFacts } from './runtime.ts';
import {
  CODE_WRITER_SYSTEM,
  chartTypeLabel,
  codeReplyRule,
  fencedPython,
  writingGuide,
} from './script-rules.ts';
import { taskLine, type PromptMessage } from './task.ts';

export interface SelfInstructPlanInput {
  /** Demo scripts sampled from the seed pool (paper: 3). */
  demos: { title: string; code: string }[];
  minor: MinorChartType;
  /** Topic display names (paper: 2). */
  topics: string[];
  runtime: RuntimeFacts;
}

function topicPhrase(topics: string[]): string {
  if (topics.length === 0) return 'any topic you find interesting';
  if (topics.length === 1) return `the topic "${topics[0]}"`;
  const quoted = topics.map((topic) => `"${topic}"`);
  return `the topics ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]} (combine them, or pick the one that fits the chart type best)`;
}

/** Turn 1: system message and the planning request. */
export function selfInstructPlan(input: SelfInstructPlanInput): PromptMessage[] {
  const demos = input.demos.map(
    (demo, i) => `Example ${i + 1}: ${demo.title}\n${fencedPython(demo.code)}`,
  );
  const user = [
    `Here are ${input.demos.length} chart scripts from our collection, showing the expected style and size:`,
    '',
    demos.join('\n\n'),
    '',
    `Design a NEW chart of type ${chartTypeLabel(input.minor)} about ${topicPhrase(input.topics)}. It must differ from the examples in subject, data and look.`,
    'Do not write code yet. Reply with a plan:',
    '1. Title: what, where and when.',
    '2. Backstory: two or three sentences on who collected the data and what the chart should reveal.',
    '3. Data: every number the chart will show, with names and units, sized for this chart type.',
    '4. Design: series, colours, labels, legend and any annotations.',
    `The script will run on ${runtimeVersions(input.runtime)}.`,
    taskLine({ task: 'self-instruct.plan', minor: input.minor, topics: input.topics }),
  ].join('\n');
  return [
    { role: 'system', content: CODE_WRITER_SYSTEM },
    { role: 'user', content: user },
  ];
}

export interface SelfInstructWriteInput {
  minor: MinorChartType;
  runtime: RuntimeFacts;
  /** The kept line range of the script (paper: 10–150). */
  codeLines: { min: number; max: number };
}

/** Turn 2: the user message asking for the script (sent after the plan reply). */
export function selfInstructWrite(input: SelfInstructWriteInput): PromptMessage {
  const content = [
    `Now write the complete Python script for your plan, as a ${chartTypeLabel(input.minor)} chart.`,
    '',
    writingGuide(input.minor, input.runtime),
    '',
    codeReplyRule(input.codeLines),
    taskLine({ task: 'self-instruct.write', minor: input.minor }),
  ].join('\n');
  return { role: 'user', content };
}
