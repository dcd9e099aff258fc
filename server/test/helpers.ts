/**
 * Helpers of the service's tests: the hand-worked golden vectors of the library (test/golden), a
 * service built with its logs kept in memory, and NDJSON parsing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildServer } from '../src/app.js';

const GOLDEN = new URL('../../test/golden/', import.meta.url);

/** A golden vector: a request and the fields its result must have (worked out by hand, test/golden/README.md). */
export interface Golden {
  name: string;
  request: unknown;
  expect: {
    ok?: false;
    issuePaths?: string[];
    totalPayable?: string;
    measures?: Record<string, { outcome?: string; amount?: string | null; payable?: string | null }>;
    clawback?: Record<string, unknown>;
  };
}

export function goldenVectors(): Golden[] {
  return readdirSync(GOLDEN)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(new URL(f, GOLDEN), 'utf8')) as Omit<Golden, 'name'>), name: f.slice(0, -'.json'.length) }));
}

export function golden(name: string): Golden {
  const v = goldenVectors().find((g) => g.name === name);
  if (!v) throw new Error(`no golden vector ${name}`);
  return v;
}

/** A built service whose log lines (JSON) are collected in `logs`. */
export function testServer(options: BuildOptions = {}): { app: FastifyInstance; logs: string[] } {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      callback();
    },
  });
  return { app: buildServer({ logLevel: 'info', ...options, logStream }), logs };
}

/** The records of an NDJSON body (each line parsed). */
export function ndjson(body: string): unknown[] {
  if (body === '') return [];
  if (!body.endsWith('\n')) throw new Error('an NDJSON body ends with LF');
  return body.slice(0, -1).split('\n').map((l) => JSON.parse(l) as unknown);
}

/** The library's version, from its package.json (the root of the repository). */
export const LIBRARY_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
