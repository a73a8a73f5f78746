// Questions on node/graph charts: count nodes and links, find links, the busiest node.
import type { GraphData, TemplateChartSpec } from '../spec.ts';
import type { QuestionKind, QuestionTemplate, TemplateQuestion } from './question-types.ts';
import { py } from '../builders/python-literal.ts';
import { plural, rankOrder } from './text.ts';

function question(
  kind: QuestionKind,
  id: string,
  parts: Omit<TemplateQuestion, 'kind' | 'templateId'>,
): TemplateQuestion {
  return { kind, templateId: id, ...parts };
}

const graph = (spec: TemplateChartSpec): GraphData | null =>
  spec.data.kind === 'graph' ? spec.data : null;

const graphCountNodes: QuestionTemplate = {
  id: 'graph-count-nodes',
  kind: 'recognition',
  make(spec) {
    const data = graph(spec);
    if (!data) return null;
    return question('recognition', this.id, {
      question: `How many ${plural(data.nodeNoun)} (nodes) does the network show?`,
      steps: [
        `Count the labelled nodes: ${data.nodes.join(', ')}.`,
        `There are ${data.nodes.length}.`,
      ],
      answer: { type: 'number', value: data.nodes.length },
      program: 'answer = len(nodes)',
    });
  },
};

const graphEdgeExists: QuestionTemplate = {
  id: 'graph-edge-exists',
  kind: 'recognition',
  make(spec, rng) {
    const data = graph(spec);
    if (!data) return null;
    const [a, b] = rng.sample(data.nodes, 2) as [string, string];
    const linked = data.edges.some(
      ([s, t]) => (s === a && t === b) || (!data.directed && s === b && t === a),
    );
    const phrase = data.directed ? `an arrow from ${a} to ${b}` : `a link between ${a} and ${b}`;
    return question('recognition', this.id, {
      question: `Is there ${phrase}?`,
      steps: [
        `Look at the lines leaving ${a}.`,
        linked
          ? `One of them reaches ${b}: yes.`
          : `None reaches ${b}${data.directed ? ' with its arrowhead there' : ''}: no.`,
      ],
      answer: { type: 'boolean', value: linked },
      program: data.directed
        ? `answer = [${py(a)}, ${py(b)}] in [list(e) for e in edges]`
        : `answer = any(set(e) == {${py(a)}, ${py(b)}} for e in edges)`,
    });
  },
};

const graphBusiestNode: QuestionTemplate = {
  id: 'graph-busiest-node',
  kind: 'reasoning',
  make(spec) {
    const data = graph(spec);
    if (!data) return null;
    const degree = data.nodes.map((n) => data.edges.filter((e) => e.includes(n)).length);
    const order = rankOrder(degree);
    if (degree[order[0]!] === degree[order[1]!]) return null;
    const name = data.nodes[order[0]!]!;
    return question('reasoning', this.id, {
      question: `Which ${data.nodeNoun} has the most connections${data.directed ? ' (arrows in or out)' : ''}?`,
      steps: [
        'Count the lines touching each node.',
        ...data.nodes.map((n, i) => `${n}: ${degree[i]}.`),
        `${name} has the most.`,
      ],
      answer: { type: 'category', value: name },
      program: 'answer = max(nodes, key=lambda n: sum(1 for e in edges if n in e))',
    });
  },
};

const graphCountEdges: QuestionTemplate = {
  id: 'graph-count-edges',
  kind: 'reasoning',
  make(spec) {
    const data = graph(spec);
    if (!data || data.edges.length > 14) return null;
    return question('reasoning', this.id, {
      question: `How many ${data.directed ? 'arrows' : 'links'} connect the ${plural(data.nodeNoun)} in total?`,
      steps: [
        'Count the connections node by node, counting each one once.',
        `There are ${data.edges.length}.`,
      ],
      answer: { type: 'number', value: data.edges.length },
      program: 'answer = len(edges)',
    });
  },
};

const graphOutDegree: QuestionTemplate = {
  id: 'graph-out-degree',
  kind: 'reasoning',
  make(spec, rng) {
    const data = graph(spec);
    if (!data || !data.directed) return null;
    const node = rng.pick(data.nodes);
    const out = data.edges.filter(([s]) => s === node).map(([, t]) => t);
    return question('reasoning', this.id, {
      question: `How many arrows start at ${node}?`,
      steps: [
        `Follow the arrows leaving ${node}: ${out.join(', ') || 'none'}.`,
        `That is ${out.length}.`,
      ],
      answer: { type: 'number', value: out.length },
      program: `answer = len([e for e in edges if e[0] == ${py(node)}])`,
    });
  },
};

export const GRAPH_TEMPLATES: QuestionTemplate[] = [
  graphCountNodes,
  graphEdgeExists,
  graphBusiestNode,
  graphCountEdges,
  graphOutDegree,
];
