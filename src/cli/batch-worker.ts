/**
 * A worker of `batch --workers N` (built to dist/batch-worker.js, started by the CLI with
 * node:worker_threads): it receives chunks of records (src/cli/batch-chunk.ts), assesses them with the
 * run's edition and returns each chunk's output lines and counts. It reads no file and writes nothing:
 * the main thread reads the input and writes the output, in input order.
 *
 * `workerData` is a `BatchWorkerSetup`; each message in is `{ id, chunk }`, each message out
 * `{ id, result }`. Anything that escapes (it should not: `runChunk` is total) ends the worker, and the
 * main thread stops the run with a message (exit 2).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import { validateEdition } from '../policy/derive.js';
import { type BatchChunk, batchAssess, type ChunkResult, runChunk } from './batch-chunk.js';

/** What a worker is started with. */
export interface BatchWorkerSetup {
  /** The run's edition, or null for the built-in one. */
  edition: unknown;
  /** `--decisions`. */
  decisions: boolean;
}

/** A chunk to assess. */
export interface BatchTask {
  id: number;
  chunk: BatchChunk;
}

/** A chunk assessed. */
export interface BatchDone {
  id: number;
  result: ChunkResult;
}

const port = parentPort;
if (port !== null) {
  const setup = workerData as BatchWorkerSetup;
  // A copy of an edition is validated once here (then trusted), as the main thread's was.
  const edition = setup.edition === null ? mentougou2022Draft : validateEdition(setup.edition);
  const assess = batchAssess(edition, setup.decisions);
  port.on('message', (task: BatchTask) => {
    const result = runChunk(task.chunk, assess);
    port.postMessage({ id: task.id, result } satisfies BatchDone, [result.bytes.buffer as ArrayBuffer]);
  });
}
