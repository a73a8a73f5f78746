// Steps the e2e suite runs inside the test page (each is serialized by page.evaluate, so each is
// self-contained). The pool lives in window.__pool between steps.

export async function writeAppStorage() {
  localStorage.setItem('cit-secret', 'sk-e2e-secret');
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('cit-e2e-appdb', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('kv');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put({ apiKey: 'sk-e2e-secret', charts: [1, 2, 3] }, 'settings');
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

export async function readAppStorage() {
  const names = (await indexedDB.databases()).map((entry) => entry.name).sort();
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('cit-e2e-appdb', 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const value = await new Promise((resolve) => {
    const request = db.transaction('kv').objectStore('kv').get('settings');
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return { names, localStorage: localStorage.getItem('cit-secret'), settings: value };
}

export function listenForLeaks() {
  window.__leaks = [];
  new BroadcastChannel('cit-e2e').onmessage = (event) => window.__leaks.push(String(event.data));
}

export async function bootPool(options) {
  const started = performance.now();
  const { pool, progress } = window.__citSandbox.createPool(options);
  window.__pool = pool;
  try {
    const info = await pool.ready();
    return {
      info,
      readyMs: performance.now() - started,
      stages: [...new Set(progress.map((p) => p.stage))],
    };
  } catch (error) {
    return { error: String(error), readyMs: 0, stages: [...new Set(progress.map((p) => p.stage))] };
  }
}

export async function renderSummary({ code, decode = true, timeoutMs, options = {} }) {
  const started = performance.now();
  const result = await window.__pool.render(code, timeoutMs ? { ...options, timeoutMs } : options);
  const wallMs = performance.now() - started;
  if (!result.ok) return { ok: false, error: result.error, stdout: result.stdout, wallMs };
  let decoded = null;
  if (decode) {
    const bitmap = await createImageBitmap(new Blob([result.png], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) ink += 1;
    decoded = {
      width: bitmap.width,
      height: bitmap.height,
      inkFraction: ink / (pixels.length / 4),
    };
  }
  const axes = result.facts.axes[0];
  const bars = axes?.series.find((series) => series.kind === 'bar');
  return {
    ok: true,
    renderId: result.renderId,
    width: result.width,
    height: result.height,
    stdout: result.stdout,
    title: axes?.title,
    barHeights: bars?.y?.join(','),
    decoded,
    wallMs,
  };
}

export async function answer({ renderId, program, timeoutMs }) {
  return window.__pool.runAnswerProgram(renderId, program, undefined, timeoutMs);
}

/** A separate small pool: two warm workers, then idle past the limit. */
export async function idleRelease({ idleReleaseMs }) {
  const { pool } = window.__citSandbox.createPool({ size: 2, spares: 0, idleReleaseMs });
  await pool.ready();
  const deadline = performance.now() + 90_000;
  while (pool.status().idle < 2 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const before = pool.status().idle;
  await new Promise((resolve) => setTimeout(resolve, idleReleaseMs * 2.5));
  const after = pool.status().idle + pool.status().booting;
  pool.dispose();
  return { before, after };
}

export async function renderPair({ first, second }) {
  const [a, b] = await Promise.all([window.__pool.render(first), window.__pool.render(second)]);
  const shape = (r) => ({
    ok: r.ok,
    renderId: r.ok ? r.renderId : null,
    error: r.ok ? null : r.error,
  });
  return { first: shape(a), second: shape(b) };
}

export async function abortBoth({ loop, chart }) {
  const pool = window.__pool;
  const nameOf = (promise) =>
    promise.then(
      () => 'resolved',
      (error) => error.name,
    );
  // Fill both rendering workers, then queue one more and abort it while it waits.
  const running = new AbortController();
  const busy = [pool.render(loop, {}, running.signal), pool.render(loop, { timeoutMs: 1500 })];
  const queued = new AbortController();
  const waiting = nameOf(pool.render(chart, {}, queued.signal));
  queued.abort();
  const queuedName = await waiting;
  running.abort();
  const runningName = await nameOf(busy[0]);
  await busy[1];
  const next = await pool.render(chart);
  return { queued: queuedName, running: runningName, nextOk: next.ok };
}

export async function probe({ source }) {
  const posts = await window.__citSandbox.runProbe(source, 4000);
  return posts.find((post) => post.type === 'probe')?.results ?? null;
}

export async function silenceHost({ code }) {
  const pool = window.__pool;
  document.querySelector('iframe[sandbox]')?.remove();
  const started = performance.now();
  const deadline = performance.now() + 60_000;
  while ((pool.status().framesBuilt < 2 || pool.status().idle < 1) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const result = await pool.render(code);
  return {
    ok: result.ok,
    error: result.ok ? null : result.error,
    framesBuilt: pool.status().framesBuilt,
    wallMs: performance.now() - started,
  };
}

export async function throughput({ size, count, code }) {
  const pool = window.__pool;
  pool.resize(size, 1);
  const deadline = performance.now() + 60_000;
  while ((pool.status().booting > 0 || pool.status().idle < size) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: count }, () => pool.render(code)));
  return { wallMs: performance.now() - started, ok: results.every((r) => r.ok) };
}

/** Waits until every worker has booted, so timings are not shared with a background boot. */
export async function waitForWarmPool() {
  const pool = window.__pool;
  const deadline = performance.now() + 90_000;
  const isWarm = () =>
    pool.status().booting === 0 && pool.status().idle >= pool.status().size + pool.status().spares;
  while (!isWarm() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return pool.status();
}

/**
 * Boot to first chart in a fresh pool (the page was just loaded): times, the bytecode status and
 * the chart's facts. Waits for the stored harvest to be written before returning.
 */
export async function bootToFirstChart({ options, code }) {
  const started = performance.now();
  const { pool } = window.__citSandbox.createPool(options);
  window.__pool = pool;
  await pool.ready();
  const readyMs = performance.now() - started;
  const result = await pool.render(code);
  const firstChartMs = performance.now() - started;
  const bars = result.ok ? result.facts.axes[0]?.series.find((s) => s.kind === 'bar') : null;
  // The store is written in the background after the harvest: wait until it is there.
  const deadline = performance.now() + 20_000;
  const isStored = async () => (await (await caches.open('cit-studio-bytecode')).keys()).length > 0;
  while (pool.status().bytecode !== 'none' && !(await isStored()) && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    readyMs,
    firstChartMs,
    bytecode: pool.status().bytecode,
    stored: await isStored(),
    ok: result.ok,
    error: result.ok ? null : result.error,
    title: result.ok ? result.facts.axes[0]?.title : null,
    barHeights: bars?.y?.join(','),
  };
}

/** Time for one more worker to boot in the current pool (as a spare). */
export async function timeSpareBoot() {
  const pool = window.__pool;
  const started = performance.now();
  pool.resize(pool.status().size, pool.status().spares + 1);
  const deadline = performance.now() + 90_000;
  const target = pool.status().size + pool.status().spares;
  while (pool.status().idle < target && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return performance.now() - started;
}
