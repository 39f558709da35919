import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';

/** Where bundles of .ts worker entries are kept (packages resolve from here, as from the sources). Safe to delete. */
const BUNDLE_DIR = new URL('../../../node_modules/.cache/planner-workers/', import.meta.url);

const bundles = new Map<string, Promise<URL>>();

/**
 * A .ts entry and everything it imports from our sources as one ES module, made once per entry and thread (by
 * esbuild; npm packages stay imports) and kept under a hash of its text. Each source file's `import.meta.url` is
 * its own, as when run from source, so paths relative to a module (workers, shipped data) still resolve.
 */
function bundled(entry: URL): Promise<URL> {
  let done = bundles.get(entry.href);
  if (!done) {
    done = bundle(entry);
    bundles.set(entry.href, done);
    done.catch(() => bundles.delete(entry.href)); // tried again next time
  }
  return done;
}

async function bundle(entry: URL): Promise<URL> {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  const ownUrl: Esbuild.Plugin = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => ({
        loader: 'ts',
        contents: readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
      }));
    },
  };
  const out = await esbuild.build({
    entryPoints: [entry.pathname], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', sourcemap: 'inline', write: false, logLevel: 'silent', plugins: [ownUrl],
  });
  const text = out.outputFiles[0].contents;
  const name = entry.pathname.split('/').pop()!.replace(/\.ts$/, '');
  const file = new URL(`${name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`, BUNDLE_DIR);
  if (!existsSync(file)) {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    const part = new URL(`${file.href}.${process.pid}.${Math.random().toString(36).slice(2)}`);
    writeFileSync(part, text);
    renameSync(part, file); // whole or not at all, for a worker another process starts meanwhile
  }
  return file;
}

/**
 * Starts a worker thread on `entry`: a built .js entry as it is; a .ts entry (running from source: tsx, vitest)
 * as one bundled module (see `bundled`). Node 20 does not apply tsx's hooks to a worker's modules, and loading
 * the entry through tsx's hooks registered in the worker cost ~0.8 s CPU per worker; the bundle loads in ~0.16 s.
 */
export async function startWorker(entry: URL, name: string): Promise<Worker> {
  return new Worker(entry.pathname.endsWith('.ts') ? await bundled(entry) : entry, { execArgv: [], name });
}
