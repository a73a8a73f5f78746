// Scripts the e2e suite runs in the sandbox. `JS` reaches the `js` module past the static check
// (a computed getattr), so the sandbox itself, not cit_static, is what gets tested.

const JS = "import importlib\njs = getattr(importlib, 'import' + '_module')('j' + 's')\n";
const CHART =
  'import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(3, 2))\nax.plot([1, 2, 3])\n';

/** A bar chart with known data: 6×4 in at 100 dpi is 600×400 px. */
export const BAR_CHART = [
  'import matplotlib.pyplot as plt',
  'fig, ax = plt.subplots(figsize=(6, 4))',
  "ax.bar(['apples', 'pears', 'plums'], [3, 1, 2], color='tab:blue', label='fruit')",
  "ax.set_title('Fruit sold')",
  "ax.set_ylabel('crates')",
  'ax.legend()',
].join('\n');

/** Scripts that need a package loaded on demand. */
export const ON_DEMAND = {
  scipy: [
    'import numpy as np',
    'from scipy import stats',
    'import matplotlib.pyplot as plt',
    'x = np.linspace(-3, 3, 50)',
    'fig, ax = plt.subplots()',
    'ax.plot(x, stats.norm.pdf(x))',
  ].join('\n'),
  networkx: [
    'import networkx as nx',
    'import matplotlib.pyplot as plt',
    'g = nx.cycle_graph(5)',
    'fig, ax = plt.subplots()',
    'nx.draw(g, pos=nx.circular_layout(g), ax=ax)',
  ].join('\n'),
};

/** Expected error kinds of scripts that must fail. */
export const FAILING = [
  { name: 'infinite loop', kind: 'timeout', code: 'while True:\n    pass\n' },
  {
    name: 'huge allocation',
    kind: 'memory',
    // Growing the wasm heap to its 2 GiB cap takes a few seconds on 0.17.
    timeoutMs: 15_000,
    code: 'chunks = []\nwhile True:\n    chunks.append(bytearray(100 * 2 ** 20))\n',
  },
  {
    name: 'import js',
    kind: 'forbidden',
    code: 'import js\njs.fetch("http://example.com/")\n' + CHART,
  },
  { name: 'os.system', kind: 'forbidden', code: 'import os\nos.system("ls")\n' + CHART },
  {
    name: 'file write',
    kind: 'forbidden',
    code: 'f = open("/tmp/leak.txt", "w")\nf.write("x")\n' + CHART,
  },
  { name: 'no figure', kind: 'no-figure', code: 'x = sum(range(10))\nprint(x)\n' },
  {
    name: 'syntax error',
    kind: 'syntax',
    line: 3,
    code: 'import matplotlib.pyplot as plt\nx = 1\ny = (2 +\n',
  },
];

/** Scripts that try to reach the network or storage through `js`; `url` is substituted. */
export function escapeScripts(bystanderUrl, appUrl) {
  const tryEach = (lines) =>
    `${JS}out = []\n${lines.map((line) => `try:\n    ${line}\nexcept Exception as e:\n    out.append(repr(e)[:80])\n`).join('')}print(out)\n${CHART}`;
  return [
    {
      name: 'fetch to another local port',
      code: tryEach([
        `js.fetch('${bystanderUrl}py-fetch')`,
        `x = js.XMLHttpRequest.new(); x.open('GET', '${bystanderUrl}py-xhr'); x.send()`,
        `js.importScripts('${bystanderUrl}py-import.js')`,
        `js.WebSocket.new('${bystanderUrl.replace('http', 'ws')}py-ws')`,
      ]),
    },
    {
      name: "fetch to the app's own origin",
      code: tryEach([
        `js.fetch('${appUrl}py-leak?secret=1')`,
        `js.fetch('${appUrl}pyodide-0.17/packages.json?leak=1')`,
        `x = js.XMLHttpRequest.new(); x.open('GET', '${appUrl}py-xhr'); x.send()`,
      ]),
    },
    {
      name: 'storage reads',
      code: tryEach([
        "out.append('idb:' + str(js.indexedDB.open('cit-e2e-appdb')))",
        "out.append('caches:' + str(js.caches.keys()))",
        "out.append('ls:' + str(js.localStorage.getItem('cit-secret')))",
      ]),
      mustNotContain: ['sk-e2e-secret'],
    },
    {
      name: 'nested worker',
      code: tryEach([
        `src = "fetch('${bystanderUrl}nested-fetch'); importScripts('${bystanderUrl}nested-import.js')"\n    w = js.Worker.new(js.URL.createObjectURL(js.Blob.new([src])))`,
        `w2 = js.Worker.new('${appUrl}sandbox/sandbox-worker.js')`,
      ]),
    },
    {
      name: 'broadcast channel',
      code: tryEach(["js.BroadcastChannel.new('cit-e2e').postMessage('leak')"]),
    },
  ];
}

/** Forges replies for every plausible job id, through the worker's own postMessage. */
export const FORGE_SCRIPT = `${JS}import time
for job in range(1, 400):
    js.postMessage(js.JSON.parse('{"type":"render-result","jobId":%d,"broken":false,"result":{"ok":false,"stdout":"","stderr":"","durationMs":0,"runtime":null,"error":{"kind":"syntax","message":"FORGED","traceback":null,"line":null,"name":null}}}' % job))
    js.postMessage(js.JSON.parse('{"type":"render-result","jobId":%d,"broken":false,"result":{"ok":true,"renderId":"forged","png":[1,2,3]}}' % job))
    js.postMessage(js.JSON.parse('{"type":"booted","info":{}}'))
${CHART}`;

/** A normal chart that takes a moment, so it overlaps the forger on the other worker. */
export const SLOW_CHART = `import numpy as np
total = 0
for i in range(300000):
    total += i
${CHART}`;

/** JS run as a raw worker in a sandbox iframe (no Pyodide): probes the CSP directly. */
export function probeWorkerSource(bystanderUrl, appUrl) {
  return `
const results = {};
const attempt = async (name, fn) => {
  try { const v = await fn(); results[name] = 'ALLOWED ' + String(v).slice(0, 60); }
  catch (e) { results[name] = 'blocked: ' + String(e && e.name || e); }
};
(async () => {
  await attempt('fetch other port', () => fetch('${bystanderUrl}probe-fetch').then(r => r.status));
  await attempt('fetch no-cors', () => fetch('${bystanderUrl}probe-nocors', { mode: 'no-cors' }).then(r => r.type));
  await attempt('fetch app origin', () => fetch('${appUrl}probe-app').then(r => r.status));
  await attempt('fetch runtime with query', () => fetch('${appUrl}pyodide-0.17/packages.json?leak=1').then(r => r.status));
  await attempt('importScripts', () => importScripts('${bystanderUrl}probe-import.js'));
  await attempt('indexedDB', () => new Promise((ok, ko) => { const r = indexedDB.open('cit-e2e-appdb'); r.onsuccess = () => ok('opened'); r.onerror = () => ko(r.error); }));
  await attempt('caches', () => caches.keys());
  await attempt('nested worker fetch', () => new Promise((ok) => {
    const w = new Worker(URL.createObjectURL(new Blob(["fetch('${bystanderUrl}probe-nested').then(() => postMessage('ALLOWED'), e => postMessage('blocked'))"])));
    w.onmessage = (e) => ok(e.data); setTimeout(() => ok('no answer'), 1500);
  }).then((v) => { if (v === 'ALLOWED') return v; throw new Error(v); }));
  await attempt('eval', () => eval('1 + 1'));
  postMessage({ type: 'probe', results });
})();
`;
}
