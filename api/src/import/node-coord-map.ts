/**
 * Open-addressing hash map from OSM node id (integer < 2^53) to a dense index with its coordinates,
 * held in typed arrays so a few million nodes cost tens of megabytes, not gigabytes of JS objects.
 */
export class NodeCoordMap {
  private keys: Float64Array;
  private slots: Int32Array; // dense index + 1; 0 = empty
  private mask: number;
  size = 0;
  lng: Float64Array;
  lat: Float64Array;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.keys = new Float64Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.lng = new Float64Array(initialCapacity);
    this.lat = new Float64Array(initialCapacity);
  }

  private static hash(id: number): number {
    const lo = id >>> 0;
    const hi = Math.floor(id / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** Dense index of `id`, or -1. */
  get(id: number): number {
    let i = NodeCoordMap.hash(id) & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s === 0) return -1;
      if (this.keys[i] === id) return s - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** Stores `id` (last write wins) and returns its dense index. */
  set(id: number, lng: number, lat: number): number {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    let i = NodeCoordMap.hash(id) & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s === 0) break;
      if (this.keys[i] === id) {
        this.lng[s - 1] = lng;
        this.lat[s - 1] = lat;
        return s - 1;
      }
      i = (i + 1) & this.mask;
    }
    const index = this.size++;
    if (index >= this.lng.length) {
      const cap = this.lng.length * 2;
      const lngs = new Float64Array(cap);
      lngs.set(this.lng);
      const lats = new Float64Array(cap);
      lats.set(this.lat);
      this.lng = lngs;
      this.lat = lats;
    }
    this.keys[i] = id;
    this.slots[i] = index + 1;
    this.lng[index] = lng;
    this.lat[index] = lat;
    return index;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const cap = oldSlots.length * 2;
    this.keys = new Float64Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldSlots.length; j++) {
      const s = oldSlots[j];
      if (s === 0) continue;
      let i = NodeCoordMap.hash(oldKeys[j]) & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = oldKeys[j];
      this.slots[i] = s;
    }
  }

  /** Approximate bytes held by the typed arrays. */
  get byteLength(): number {
    return this.keys.byteLength + this.slots.byteLength + this.lng.byteLength + this.lat.byteLength;
  }
}
