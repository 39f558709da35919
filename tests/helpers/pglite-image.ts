import { readFileSync } from 'node:fs';
import { MemoryFS, PGlite, type PGliteOptions } from '@electric-sql/pglite';

/** Where PGlite keeps its data folder inside its (Emscripten) file system. */
const PGDATA = '/pglite/data';

type EmscriptenFs = PGlite['Module']['FS'];
/** An Emscripten file-system node (MEMFS): `contents` holds a file's bytes, `usedBytes` its length. */
interface FsNode { contents: Uint8Array; usedBytes: number }
type StreamWrite = (stream: { node: FsNode }, ...rest: unknown[]) => number;
/** The parts of Emscripten's in-memory file system (MEMFS, not in PGlite's types) that a new instance is filled through. */
interface Memfs {
  createNode(parent: unknown, name: string, mode: number, dev: number): FsNode;
  stream_ops: { write: StreamWrite };
  ops_table: { file: { stream: { write: StreamWrite } } };
}

interface DirEntry { path: string; mode: number }
interface FileEntry { dir: string; name: string; mode: number; bytes: Uint8Array }
/** Directories (parents first) and files, with every file's bytes held once and shared by all instances until written. */
interface Tree { dirs: DirEntry[]; files: FileEntry[] }

/** The PGlite options that start a new instance on a copy of an image (see {@link pgliteImage}). */
export type ImageOptions = Required<Pick<PGliteOptions, 'fs' | 'pgliteWasmModule' | 'fsBundle'>>;

/** Every directory and file under `dir`. */
function readTree(fs: EmscriptenFs, dir: string, out: Tree = { dirs: [], files: [] }): Tree {
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    const { mode } = fs.stat(path);
    if (fs.isDir(mode)) {
      out.dirs.push({ path, mode });
      readTree(fs, path, out);
    } else {
      out.files.push({ dir, name, mode, bytes: fs.readFile(path) });
    }
  }
  return out;
}

/** The in-memory file system, which reads the data folder's files as they are once PGlite has shut down cleanly. */
class CaptureFS extends MemoryFS {
  tree?: Tree;
  override async closeFs() {
    const fs = this.pg!.Module.FS;
    if (!fs.analyzePath(`${PGDATA}/PG_VERSION`).exists) throw new Error(`PGlite keeps no data folder at ${PGDATA} (changed by an upgrade?)`);
    this.tree = readTree(fs, PGDATA);
    return super.closeFs();
  }
}

/**
 * Fills a new instance's file system with `trees`: directories made by path, files made as nodes that point at the
 * image's bytes (no copy), and copy-on-write: the first write to such a file gives it its own copy first, so an
 * instance never changes the image nor another instance's files. (Emscripten's MEMFS writes a file's bytes in
 * place; its `write` is the only way a file's bytes change in place: truncation and growth make a new array.)
 */
function fillFs(fs: EmscriptenFs, trees: readonly Tree[]) {
  const memfs = (fs as unknown as { filesystems: { MEMFS: Memfs } }).filesystems.MEMFS;
  const shared = new WeakMap<FsNode, Uint8Array>();
  for (const tree of trees) for (const d of tree.dirs) {
    fs.mkdirTree(d.path);
    fs.chmod(d.path, d.mode);
  }
  const write = memfs.stream_ops.write;
  const copyOnWrite: StreamWrite = function (this: unknown, stream, ...rest) {
    const node = stream.node;
    if (shared.get(node) === node.contents) node.contents = node.contents.slice();
    shared.delete(node);
    return write.call(this, stream, ...rest);
  };
  // msync writes through MEMFS.stream_ops; open files through the ops table their node was given.
  memfs.stream_ops.write = copyOnWrite;
  memfs.ops_table.file.stream.write = copyOnWrite;
  const parents = new Map<string, unknown>();
  for (const tree of trees) for (const f of tree.files) {
    let parent = parents.get(f.dir);
    if (!parent) parents.set(f.dir, (parent = fs.lookupPath(f.dir, {}).node));
    const node = memfs.createNode(parent, f.name, f.mode, 0);
    node.contents = f.bytes;
    node.usedBytes = f.bytes.length;
    shared.set(node, f.bytes);
  }
}

/** PGlite's own files (binaries' data, time zones, …) from its file bundle, as the bundle's loader would make them. */
interface BundleCapture {
  FS_createPath(parent: string, name: string): void;
  FS_createDataFile(path: string, name: null, bytes: Uint8Array, canRead: boolean, canWrite: boolean): void;
  addRunDependency(): void;
  removeRunDependency(): void;
}

/**
 * Emscripten options under which the file bundle's loader (generated code that runs first and calls these when
 * the options already have `FS_createPath`) hands its directories and files to us instead of making each through
 * the file system's path API; `tree()` returns them, to be made as nodes with the data folder's.
 */
function captureBundle(): { hooks: BundleCapture; tree(): Tree } {
  const tree: Tree = { dirs: [], files: [] };
  return {
    hooks: {
      FS_createPath: (parent, name) => { tree.dirs.push({ path: `${parent === '/' ? '' : parent}/${name}`, mode: 0o40777 }); },
      FS_createDataFile: (path, _name, bytes, canRead, canWrite) => {
        const slash = path.lastIndexOf('/');
        tree.files.push({ dir: path.slice(0, slash) || '/', name: path.slice(slash + 1), mode: 0o100000 | (canRead ? 0o555 : 0) | (canWrite ? 0o222 : 0), bytes });
      },
      addRunDependency: () => {},
      removeRunDependency: () => {},
    },
    tree: () => {
      if (!tree.files.length) throw new Error('PGlite\'s file bundle was not captured (its loader changed with an upgrade?)');
      return tree;
    },
  };
}

/** The in-memory file system of a new instance: PGlite's bundle and the image's data folder, shared until written. */
class ImageFS extends MemoryFS {
  constructor(private readonly data: Tree) { super(); }
  override async init(pg: PGlite, emscriptenOptions: Parameters<MemoryFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, emscriptenOptions);
    const bundle = captureBundle();
    const fill = (mod: { FS: EmscriptenFs }) => fillFs(mod.FS, [bundle.tree(), this.data]);
    return { emscriptenOpts: { ...emscriptenOpts, ...bundle.hooks, preRun: [...(emscriptenOpts.preRun ?? []), fill] } };
  }
}

/** A Blob whose bytes are read once and handed out as the same buffer each time: the bundle's loader only reads them, and the files made from them are copy-on-write. */
class HeldBlob extends Blob {
  constructor(private readonly held: Uint8Array) { super([]); }
  override get size() { return this.held.byteLength; }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.held.buffer as ArrayBuffer);
  }
}

let compiled: Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined;

/** PGlite's WebAssembly module compiled once and its file bundle read once per process (each instance re-reads them otherwise). */
function pgliteArtifacts() {
  compiled ??= (async () => {
    const dist = new URL('./', import.meta.resolve('@electric-sql/pglite'));
    const bundle = readFileSync(new URL('pglite.data', dist));
    return {
      pgliteWasmModule: await WebAssembly.compile(readFileSync(new URL('pglite.wasm', dist))),
      fsBundle: new HeldBlob(new Uint8Array(bundle.buffer.slice(bundle.byteOffset, bundle.byteOffset + bundle.byteLength))),
    };
  })();
  return compiled;
}

/**
 * The template databases, which no test uses (nothing creates a database on the embedded one) and which are
 * two-thirds of the data folder's files: dropped from the image so a new instance has a third of them to make.
 */
const DROP_TEMPLATES = ['template0', 'template1'].flatMap((d) => [`ALTER DATABASE ${d} IS_TEMPLATE false`, `DROP DATABASE ${d}`]);

/**
 * A data folder held in memory, from which each new PGlite starts: opened once from `tarball` (a `dumpDataDir`
 * dump), the template databases dropped, shut down cleanly and read file by file. A new instance's files point
 * at these bytes and are copied only when written (copy-on-write), so starting one copies nothing, untars nothing
 * and makes its ~1,200 files as nodes, not through paths; the compiled module is reused.
 * @returns `options()`: the PGlite options for one new instance on its own (copy-on-write) copy
 */
export async function pgliteImage(tarball: Blob, startParams: string[]): Promise<{ options(): ImageOptions }> {
  const artifacts = await pgliteArtifacts();
  const capture = new CaptureFS();
  const pg = await PGlite.create({ loadDataDir: tarball, startParams, fs: capture, ...artifacts });
  for (const q of DROP_TEMPLATES) await pg.exec(q);
  await pg.close();
  const tree = capture.tree!;
  return { options: () => ({ fs: new ImageFS(tree), ...artifacts }) };
}
