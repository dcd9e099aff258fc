/**
 * The workers of `batch --workers N`: N threads (node:worker_threads) running src/cli/batch-worker.ts,
 * each given chunks of records and answering each chunk with its output lines. The pool only assesses;
 * the order of the output is the caller's (it awaits the chunks' results in the order it sent them).
 *
 * A worker that fails (an error that escapes it, an exit, a script that cannot be loaded) rejects every
 * chunk it holds and every chunk sent after: no chunk is ever left waiting, and none is lost silently.
 */
import { Worker } from 'node:worker_threads';
import type { BatchChunk, ChunkResult } from './batch-chunk.js';
import type { BatchDone, BatchTask, BatchWorkerSetup } from './batch-worker.js';

/** How to start a worker: a module to run, or (from the sources) code that loads it. */
export type WorkerScript = { kind: 'module'; url: URL } | { kind: 'eval'; code: string };

/**
 * The worker of this build: dist/batch-worker.js beside dist/cli.js; when the CLI runs from its
 * TypeScript sources (the tests, tsx), src/cli/batch-worker.ts loaded through tsx's loader.
 */
export function batchWorkerScript(): WorkerScript {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { kind: 'module', url: new URL('./batch-worker.js', here) };
  const source = new URL('./batch-worker.ts', here).href;
  return { kind: 'eval', code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });` };
}

/** Threads assessing chunks. */
export interface WorkerPool {
  /** Assesses a chunk on the least busy worker (its bytes are moved to it, not copied). */
  run(chunk: BatchChunk): Promise<ChunkResult>;
  /** Ends every worker. */
  close(): Promise<void>;
}

interface Waiting {
  resolve(result: ChunkResult): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/**
 * Each worker's young generation, in MB (V8's `maxYoungGenerationSizeMb`: three semi-spaces, so 8 MB
 * each instead of Node 20's 16). Measured on 100,000 lines with full results and 2 workers: peak RSS
 * 345 → 283–290 MB, wall time within the noise (42.1 s before, 42.6–47.4 s after; BENCHMARKS.md § Row 4):
 * the threads' garbage is short-lived, so a smaller nursery costs little.
 */
export const WORKER_YOUNG_GENERATION_MB = 24;

/** Starts `size` workers for a run; throws (with none left running) when a worker cannot be constructed. */
export function startPool(size: number, setup: BatchWorkerSetup, script: WorkerScript): WorkerPool {
  let failure: Error | null = null;
  let closing = false;
  let nextId = 0;
  const threads: Thread[] = [];
  const fail = (error: Error): void => {
    failure ??= error;
    for (const thread of threads) {
      for (const waiting of thread.waiting.values()) waiting.reject(failure);
      thread.waiting.clear();
    }
  };
  for (let i = 0; i < size; i++) {
    const options = { workerData: setup, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
    let worker: Worker;
    try {
      worker = script.kind === 'module' ? new Worker(script.url, options) : new Worker(script.code, { ...options, eval: true });
    } catch (error) {
      // The threads already started are ended: a constructor that throws leaves no thread running.
      closing = true;
      for (const t of threads) void t.worker.terminate();
      throw error;
    }
    const thread: Thread = { worker, waiting: new Map() };
    worker.on('message', (done: BatchDone) => {
      const waiting = thread.waiting.get(done.id);
      thread.waiting.delete(done.id);
      waiting?.resolve(done.result);
    });
    worker.on('error', (error: Error) => fail(error));
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`worker ${i + 1} exited with code ${code}`));
    });
    threads.push(thread);
  }
  return {
    run: (chunk) =>
      new Promise<ChunkResult>((resolve, reject) => {
        if (failure !== null) return reject(failure);
        let thread = threads[0]!;
        for (const t of threads) if (t.waiting.size < thread.waiting.size) thread = t;
        const id = nextId++;
        thread.waiting.set(id, { resolve, reject });
        thread.worker.postMessage({ id, chunk } satisfies BatchTask, [chunk.bytes.buffer as ArrayBuffer]);
      }),
    close: async () => {
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
