import { readFileSync } from 'node:fs';
import { MemoryFS, PGlite, type PGliteOptions } from '@electric-sql/pglite';

/** Where PGlite keeps its data folder inside its (Emscripten) file system. */
const PGDATA = '/pglite/data';

type EmscriptenFs = PGlite['Module']['FS'];

interface ImageEntry { path: string; mode: number; bytes?: Uint8Array; size?: number }

/** The PGlite options that start a new instance on a copy of an image (see {@link pgliteImage}). */
export type ImageOptions = Required<Pick<PGliteOptions, 'fs' | 'pgliteWasmModule' | 'fsBundle'>>;

/** Every directory and file under `dir`, parents first; a file's bytes without its trailing zeros (a WAL segment is 16 MB, mostly zeros). */
function readTree(fs: EmscriptenFs, dir: string, out: ImageEntry[] = []): ImageEntry[] {
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    const { mode } = fs.stat(path);
    if (fs.isDir(mode)) {
      out.push({ path, mode });
      readTree(fs, path, out);
    } else {
      const bytes = fs.readFile(path);
      let end = bytes.length;
      while (end > 0 && bytes[end - 1] === 0) end--;
      out.push({ path, mode, bytes: bytes.slice(0, end), size: bytes.length });
    }
  }
  return out;
}

/** The in-memory file system, which reads the data folder's files as they are once PGlite has shut down cleanly. */
class CaptureFS extends MemoryFS {
  entries?: ImageEntry[];
  override async closeFs() {
    const fs = this.pg!.Module.FS;
    if (!fs.analyzePath(`${PGDATA}/PG_VERSION`).exists) throw new Error(`PGlite keeps no data folder at ${PGDATA} (changed by an upgrade?)`);
    this.entries = readTree(fs, PGDATA);
    return super.closeFs();
  }
}

/** The in-memory file system, started with a private copy of an image's data folder (so PGlite resumes it, no tarball). */
class ImageFS extends MemoryFS {
  constructor(private readonly entries: readonly ImageEntry[]) { super(); }
  override async init(pg: PGlite, emscriptenOptions: Parameters<MemoryFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, emscriptenOptions);
    const entries = this.entries;
    const fill = (mod: { FS: EmscriptenFs }) => {
      mod.FS.mkdirTree(PGDATA);
      for (const e of entries) {
        if (!e.bytes) mod.FS.mkdirTree(e.path);
        else {
          const copy = new Uint8Array(e.size!); // zero-filled, then the bytes: the file's own memory, written in place
          copy.set(e.bytes);
          mod.FS.writeFile(e.path, copy, { canOwn: true });
        }
        mod.FS.chmod(e.path, e.mode);
      }
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), fill] } };
  }
}

/** A Blob whose bytes are read once and handed out as a fresh copy each time (PGlite reads its file bundle per instance). */
class HeldBlob extends Blob {
  constructor(private readonly held: Uint8Array) { super([]); }
  override get size() { return this.held.byteLength; }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.held.slice().buffer as ArrayBuffer);
  }
}

let compiled: Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined;

/** PGlite's WebAssembly module compiled once and its file bundle read once per process (each instance re-reads them otherwise). */
function pgliteArtifacts() {
  compiled ??= (async () => {
    const dist = new URL('./', import.meta.resolve('@electric-sql/pglite'));
    return {
      pgliteWasmModule: await WebAssembly.compile(readFileSync(new URL('pglite.wasm', dist))),
      fsBundle: new HeldBlob(readFileSync(new URL('pglite.data', dist))),
    };
  })();
  return compiled;
}

/**
 * A data folder held in memory, from which each new PGlite starts on its own copy: opened once from `tarball`
 * (a `dumpDataDir` dump), shut down cleanly and read file by file. Starting from it skips what loading a tarball
 * costs every time (reading the Blob, untarring, writing ~1,100 files byte by byte) and reuses the compiled module:
 * a new database (opened, queried, closed) took ~430 ms CPU instead of ~750 ms on a loaded 2-core machine.
 * Each instance writes only to its own copy.
 * @returns `options()`: the PGlite options for one new instance on a fresh copy
 */
export async function pgliteImage(tarball: Blob, startParams: string[]): Promise<{ options(): ImageOptions }> {
  const artifacts = await pgliteArtifacts();
  const capture = new CaptureFS();
  const pg = await PGlite.create({ loadDataDir: tarball, startParams, fs: capture, ...artifacts });
  await pg.close();
  const entries = capture.entries!;
  return { options: () => ({ fs: new ImageFS(entries), ...artifacts }) };
}
