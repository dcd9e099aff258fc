/**
 * Helpers of the CLI tests: run the BUILT bin (dist/cli.js, as users run it) in a child process, make
 * temporary directories, read golden vectors, and an in-memory `CliIO` for in-process runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/commands.js';
import { type CliIO, type InterruptSignal, processIO } from '../../src/cli/io.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const GOLDEN = join(ROOT, 'test', 'golden');

/** What a run of the CLI gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js …args` from the repository root (stdin from `input`). */
export function runBuilt(args: readonly string[], input?: string): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsup\` (npm test builds it first)`);
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input: input ?? '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh directory under the system's temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mentougou-srdi-cli-'));
}

/** A golden vector's file as parsed JSON. */
export function goldenVector(name: string): { name: string; request: Record<string, unknown>; expect: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(GOLDEN, `${name}.json`), 'utf8')) as { name: string; request: Record<string, unknown>; expect: Record<string, unknown> };
}

/** A file of the in-memory IO: text (UTF-8), bytes, or a source of chunks (to pause, fail or be interrupted). */
export type MemoryFile = string | Uint8Array | (() => AsyncIterable<Uint8Array>);

/** Options of the in-memory IO. */
export interface MemoryOptions {
  stderrIsTTY?: boolean;
  /** The size of the chunks a file is read in (default 65,536: a stream's default). */
  chunkSize?: number;
  /** Directories and their names. */
  directories?: Record<string, string[]>;
  /** Paths that cannot be written (EACCES). */
  readOnly?: string[];
  /** Pairs of paths that name one file (a hard link). */
  links?: [string, string][];
  /** An output whose writes fail once this many bytes have been written to it (ENOSPC). */
  fullAfter?: { path: string; bytes: number };
}

/** The in-memory IO and what it kept. */
export interface MemoryIO extends CliIO {
  out: string[];
  err: string[];
  /** Files written: by `writeText`, or by an output's `commit`. */
  written: Map<string, string>;
  /** Outputs opened and not yet committed or aborted. */
  pending: Set<string>;
  /** Raises SIGINT or SIGTERM, as the process would on a signal. */
  raise(signal: InterruptSignal): void;
}

const encoder = new TextEncoder();

/** An in-memory IO: files by path, everything written kept. */
export function memoryIO(files: Record<string, MemoryFile>, options: MemoryOptions = {}): MemoryIO {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const pending = new Set<string>();
  const chunkSize = options.chunkSize ?? 65_536;
  let controller = new AbortController();
  const enoent = (path: string): Error => Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  const eacces = (path: string): Error => Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  const file = (path: string): MemoryFile => {
    const f = files[path];
    if (f === undefined) throw enoent(path);
    return f;
  };
  const bytesOf = (f: MemoryFile): Uint8Array | null => (typeof f === 'string' ? encoder.encode(f) : f instanceof Uint8Array ? f : null);
  return {
    out,
    err,
    written,
    pending,
    raise: (signal) => controller.abort(signal),
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readText: async (path) => {
      const f = file(path);
      const bytes = bytesOf(f);
      if (bytes === null) throw new Error(`${path} is a stream`);
      return new TextDecoder().decode(bytes);
    },
    readBytes: (path) =>
      (async function* chunks() {
        const f = file(path);
        const bytes = bytesOf(f);
        if (bytes === null) {
          yield* (f as () => AsyncIterable<Uint8Array>)();
          return;
        }
        for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
      })(),
    listDirectory: async (path) => {
      const names = options.directories?.[path];
      if (names !== undefined) return [...names];
      file(path);
      return null;
    },
    openOutput: async (path) => {
      if (path === undefined || path === '-') {
        return { write: async (text) => void out.push(text), commit: async () => undefined, abort: async () => undefined };
      }
      if (options.directories?.[path] !== undefined) throw new Error(`${path} is a directory`);
      if (options.readOnly?.includes(path)) throw eacces(path);
      let text = '';
      let bytes = 0;
      pending.add(path);
      return {
        write: async (chunk) => {
          bytes += encoder.encode(chunk).length;
          if (options.fullAfter?.path === path && bytes > options.fullAfter.bytes) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          text += chunk;
        },
        commit: async () => {
          pending.delete(path);
          written.set(path, text);
        },
        abort: async () => void pending.delete(path),
      };
    },
    writeText: async (path, text) => {
      if (options.readOnly?.includes(path)) throw eacces(path);
      written.set(path, text);
    },
    sameFile: async (a, b) => a === b || (options.links ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a)),
    interrupts: () => {
      controller = new AbortController();
      return { signal: controller.signal, stop: () => undefined };
    },
    stderrIsTTY: options.stderrIsTTY ?? false,
  };
}

/**
 * The process's real IO (files, temporary file and rename, dev+ino) run in-process: standard output
 * and error are kept instead, and signals are raised by `raise`.
 */
export function realIO(overrides: Partial<CliIO> = {}): CliIO & { out: string[]; err: string[]; raise(signal: InterruptSignal): void } {
  const out: string[] = [];
  const err: string[] = [];
  const base = processIO();
  let controller = new AbortController();
  return {
    ...base,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    openOutput: (path) =>
      path === undefined || path === '-' ? Promise.resolve({ write: async (text: string) => void out.push(text), commit: async () => undefined, abort: async () => undefined }) : base.openOutput(path),
    interrupts: () => {
      controller = new AbortController();
      return { signal: controller.signal, stop: () => undefined };
    },
    stderrIsTTY: false,
    ...overrides,
    out,
    err,
    raise: (signal) => controller.abort(signal),
  };
}

/**
 * Runs the CLI in-process on the real file system (paths relative to the repository root, as the built
 * bin's tests run it), with `stdin` as standard input: what `runBuilt` gives, without a process.
 */
export async function runHere(args: readonly string[], stdin = ''): Promise<CliRun> {
  const bytes = new TextEncoder().encode(stdin);
  const io = realIO();
  const base = { readText: io.readText, readBytes: io.readBytes };
  io.readText = (path) => (path === '-' ? Promise.resolve(stdin) : base.readText(path));
  io.readBytes = (path, signal) =>
    path === '-'
      ? (async function* one() {
          yield bytes;
        })()
      : base.readBytes(path, signal);
  const status = await runCli(args, io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}
