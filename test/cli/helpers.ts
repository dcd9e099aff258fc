/**
 * Helpers of the CLI tests: run the BUILT bin (dist/cli.js, as users run it) in a child process, make
 * temporary directories, read golden vectors, and an in-memory `CliIO` for in-process runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/cli/io.js';

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

/** An in-memory IO: files by path, everything written kept. */
export function memoryIO(files: Record<string, string>, options: { stderrIsTTY?: boolean } = {}): CliIO & { out: string[]; err: string[]; written: Map<string, string> } {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const read = (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return text;
  };
  return {
    out,
    err,
    written,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readText: async (path) => read(path),
    readLines: (path) =>
      (async function* lines() {
        const text = read(path);
        const all = text.split('\n');
        if (all[all.length - 1] === '') all.pop();
        yield* all;
      })(),
    openOutput: (path) => {
      const key = path ?? '-';
      written.set(key, '');
      return {
        write: async (text) => {
          if (key === '-') out.push(text);
          else written.set(key, (written.get(key) ?? '') + text);
        },
        close: async () => undefined,
      };
    },
    writeText: async (path, text) => void written.set(path, text),
    stderrIsTTY: options.stderrIsTTY ?? false,
  };
}
