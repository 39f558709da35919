import { PGlite } from '@electric-sql/pglite';
import { readFileSync, readdirSync, statSync } from 'node:fs';
const dir = '/tmp/planner-test-snapshots';
const f = readdirSync(dir).map(n => dir + '/' + n).sort((a,b)=>statSync(b).mtimeMs-statSync(a).mtimeMs)[0];
const bytes = readFileSync(f);
const snap = new Blob([bytes]);
class CachedBlob extends Blob { constructor(u8, type) { super([], { type }); this.u8 = u8; }
  get size() { return this.u8.byteLength; }
  arrayBuffer() { return Promise.resolve(this.u8.buffer.slice(this.u8.byteOffset, this.u8.byteOffset + this.u8.byteLength)); } }
class SharedBlob extends Blob { constructor(ab, type) { super([], { type }); this.ab = ab; }
  get size() { return this.ab.byteLength; }
  arrayBuffer() { return Promise.resolve(this.ab); } }
const snapAB = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const params = [...PGlite.defaultStartParams, '-c','shared_buffers=8MB','-c','temp_buffers=4MB','-c','work_mem=4MB','-c','maintenance_work_mem=16MB','-c','wal_buffers=1MB'];
const wasm = await WebAssembly.compile(readFileSync('node_modules/@electric-sql/pglite/dist/pglite.wasm'));
const data = readFileSync('node_modules/@electric-sql/pglite/dist/pglite.data');
const dataAB = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
const all = {
  A: () => ({ loadDataDir: snap }),
  B: () => ({ loadDataDir: snap, pgliteWasmModule: wasm, fsBundle: new Blob([data]) }),
  C: () => ({ loadDataDir: new SharedBlob(snapAB, 'application/x-tar'), pgliteWasmModule: wasm, fsBundle: new SharedBlob(dataAB, '') }),
};
const variants = process.env.V ? { [process.env.V]: all[process.env.V] } : all;
const res = {};
for (let i = 0; i < (+process.env.N || 5); i++) for (const [k, v] of Object.entries(variants)) {
  const a = performance.now(); const ca = process.cpuUsage();
  const pg = await PGlite.create({ ...v(), startParams: params });
  const b = performance.now(); const cb = process.cpuUsage(ca); (res[k+'cpu'] ??= []).push(Math.round((cb.user+cb.system)/1000));
  await pg.query('select count(*) from sites');
  await pg.close();
  (res[k] ??= []).push(Math.round(b - a));
}
for (const [k, v] of Object.entries(res)) console.log(k, v.join(' '), 'median', v.sort((a,b)=>a-b)[2]);
