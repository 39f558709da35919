import { PGlite, MemoryFS } from '@electric-sql/pglite';
import { readFileSync, readdirSync, statSync } from 'node:fs';
const dir = '/tmp/planner-test-snapshots';
const f = readdirSync(dir).map(n => dir + '/' + n).sort((a,b)=>statSync(b).mtimeMs-statSync(a).mtimeMs)[0];
const snap = new Blob([readFileSync(f)]);
const params = [...PGlite.defaultStartParams, '-c','shared_buffers=8MB','-c','temp_buffers=4MB','-c','work_mem=4MB','-c','maintenance_work_mem=16MB','-c','wal_buffers=1MB'];
const wasm = await WebAssembly.compile(readFileSync('node_modules/@electric-sql/pglite/dist/pglite.wasm'));
const data = readFileSync('node_modules/@electric-sql/pglite/dist/pglite.data');
const dataAB = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
class SharedBlob extends Blob { constructor(ab, type) { super([], { type }); this.ab = ab; } get size() { return this.ab.byteLength; } arrayBuffer() { return Promise.resolve(this.ab); } }

class CaptureFS extends MemoryFS {
  async closeFs() {
    const FS = this.pg.Module.FS;
    const root = '/pglite/data';
    const files = [];
    const walk = (p) => {
      for (const name of FS.readdir(p)) {
        if (name === '.' || name === '..') continue;
        const full = `${p}/${name}`; const st = FS.stat(full);
        if (FS.isDir(st.mode)) { files.push({ path: full, mode: st.mode, dir: true }); walk(full); }
        else files.push({ path: full, mode: st.mode, data: FS.readFile(full) });
      }
    };
    console.log('exists', FS.analyzePath(root).exists);
    walk(root);
    this.files = files;
    return super.closeFs();
  }
}
const cap = new CaptureFS();
let pg = await PGlite.create({ loadDataDir: snap, startParams: params, fs: cap });
console.log((await pg.query('select count(*) from sites')).rows);
await pg.close();
const files = cap.files;
let total = 0; for (const x of files) if (x.data) total += x.data.byteLength;
console.log(files.length, total);
const blob = new Uint8Array(total); const layout = []; let off = 0;
for (const x of files) { if (x.data) { blob.set(x.data, off); layout.push({ ...x, off, len: x.data.byteLength, data: undefined }); off += x.data.byteLength; } else layout.push(x); }
const trimmed = files.map((x) => { if (!x.data) return x; let e = x.data.length; while (e > 0 && x.data[e-1] === 0) e--; return { ...x, len: x.data.length, data: x.data.slice(0, e) }; });
let tt = 0; for (const x of trimmed) if (x.data) tt += x.data.length; console.log('trimmed', tt);
class TrimFS extends MemoryFS {
  async init(pg, opts) {
    const r = await super.init(pg, opts);
    const preRun = [...(r.emscriptenOpts.preRun ?? []), (mod) => {
      const FS = mod.FS;
      FS.mkdirTree('/pglite/data');
      for (const x of trimmed) {
        if (x.dir) { FS.mkdirTree(x.path); FS.chmod(x.path, x.mode); }
        else { const c = new Uint8Array(x.len); c.set(x.data); FS.writeFile(x.path, c, { canOwn: true }); FS.chmod(x.path, x.mode); }
      }
    }];
    return { emscriptenOpts: { ...r.emscriptenOpts, preRun } };
  }
}
class PreloadFS extends MemoryFS {
  async init(pg, opts) {
    const r = await super.init(pg, opts);
    const preRun = [...(r.emscriptenOpts.preRun ?? []), (mod) => {
      const FS = mod.FS; const copy = blob.slice();
      FS.mkdirTree('/pglite/data');
      for (const x of layout) {
        if (x.dir) { FS.mkdirTree(x.path); FS.chmod(x.path, x.mode); }
        else { FS.writeFile(x.path, copy.subarray(x.off, x.off + x.len), { canOwn: true }); FS.chmod(x.path, x.mode); }
      }
    }];
    return { emscriptenOpts: { ...r.emscriptenOpts, preRun } };
  }
}
const res = {};
for (let i = 0; i < (+process.env.N || 6); i++) for (const k of (process.env.K ?? 'C,P').split(',')) {
  const a = performance.now(); const ca = process.cpuUsage();
  const opts = k === 'T' ? { fs: new TrimFS(), pgliteWasmModule: wasm, fsBundle: new SharedBlob(dataAB, '') } : k === 'C' ? { loadDataDir: snap, pgliteWasmModule: wasm, fsBundle: new SharedBlob(dataAB, '') } : { fs: new PreloadFS(), pgliteWasmModule: wasm, fsBundle: new SharedBlob(dataAB, '') };
  const pg = await PGlite.create({ ...opts, startParams: params });
  const b = performance.now(); const cb = process.cpuUsage(ca);
  (res[k] ??= []).push(Math.round(b - a)); (res[k+'cpu'] ??= []).push(Math.round((cb.user+cb.system)/1000));
  const r = await pg.query('select count(*) from sites');
  if (i === 0) console.log(k, r.rows);
  await pg.query("insert into audit_log default values").catch(e => 0);
  await pg.close();
}
for (const [k, v] of Object.entries(res)) console.log(k, v.join(' '), 'median', v.sort((a,b)=>a-b)[Math.floor(v.length/2)]);
