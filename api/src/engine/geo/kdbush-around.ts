import type KDBush from 'kdbush';
import TinyQueue from 'tinyqueue';
import { EARTH_RADIUS_METERS } from './earth-radius-meters';

const RAD = Math.PI / 180;

interface Entry {
  /** Point id, or -1 for a tree node. */
  id: number;
  /** Haversine value (sin²(θ/2)) of the distance, a lower bound for nodes. */
  h: number;
  left: number;
  right: number;
  axis: number;
  minLng: number; minLat: number; maxLng: number; maxLat: number;
}

/**
 * The `maxResults` points of a kdbush index (built on longitude/latitude) nearest to a location by
 * great-circle distance, nearest first, within `maxMeters`. Best-first search over the kd-tree: nodes
 * are queued by a lower bound of the distance to their bounding box, points by their exact distance.
 * Assumes the indexed points do not straddle the antimeridian (true for one district).
 *
 * @param index - finished kdbush index whose x = longitude, y = latitude (degrees)
 * @param lng - query longitude, degrees
 * @param lat - query latitude, degrees
 * @param maxResults - how many points to return at most
 * @param maxMeters - search limit in metres (default Infinity)
 * @returns ids (kdbush insertion order) and great-circle metres, nearest first
 * @example
 * const { ids, meters } = kdbushAround(index, 106.1, 32.65, 1); // nearest point and its distance
 * @see https://github.com/mourner/geokdbush (same idea)
 */
export function kdbushAround(
  index: KDBush, lng: number, lat: number, maxResults: number, maxMeters = Infinity,
): { ids: number[]; meters: number[] } {
  const ids: number[] = [];
  const meters: number[] = [];
  if (maxResults <= 0 || index.numItems === 0) return { ids, meters };
  const hLimit = maxMeters >= Math.PI * EARTH_RADIUS_METERS ? 1 : Math.sin(maxMeters / EARTH_RADIUS_METERS / 2) ** 2;
  const cosLat = Math.cos(lat * RAD);
  const coords = index.coords;
  const queue = new TinyQueue<Entry>([], (a, b) => a.h - b.h);
  const pointH = (i: number) => {
    const sinDLat = Math.sin((coords[2 * i + 1] - lat) * RAD / 2);
    const sinDLng = Math.sin((coords[2 * i] - lng) * RAD / 2);
    return sinDLat * sinDLat + cosLat * Math.cos(coords[2 * i + 1] * RAD) * sinDLng * sinDLng;
  };
  const pushPoint = (i: number) => {
    queue.push({ id: index.ids[i], h: pointH(i), left: 0, right: 0, axis: 0, minLng: 0, minLat: 0, maxLng: 0, maxLat: 0 });
  };
  let node: Entry | undefined = {
    id: -1, h: 0, left: 0, right: index.ids.length - 1, axis: 0, minLng: -180, minLat: -90, maxLng: 180, maxLat: 90,
  };
  while (node) {
    const { left, right } = node;
    if (right - left <= index.nodeSize) {
      for (let i = left; i <= right; i++) pushPoint(i);
    } else {
      const m = (left + right) >> 1;
      const midLng = coords[2 * m];
      const midLat = coords[2 * m + 1];
      pushPoint(m);
      const axis = 1 - node.axis;
      const a: Entry = { ...node, id: -1, left, right: m - 1, axis };
      const b: Entry = { ...node, id: -1, left: m + 1, right, axis };
      if (node.axis === 0) { a.maxLng = midLng; b.minLng = midLng; } else { a.maxLat = midLat; b.minLat = midLat; }
      a.h = boxH(lng, lat, cosLat, a);
      b.h = boxH(lng, lat, cosLat, b);
      if (a.left <= a.right) queue.push(a);
      if (b.left <= b.right) queue.push(b);
    }
    // Points at the head of the queue are nearer than anything still inside queued nodes.
    while (queue.length > 0 && queue.peek()!.id >= 0) {
      const p = queue.pop()!;
      if (p.h > hLimit) return { ids, meters };
      ids.push(p.id);
      meters.push(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(p.h))));
      if (ids.length === maxResults) return { ids, meters };
    }
    node = queue.pop();
    if (node && node.h > hLimit) break;
  }
  return { ids, meters };
}

function hav(radians: number): number {
  const s = Math.sin(radians / 2);
  return s * s;
}

/** Lower bound (haversine value) of the distance from the query to any point of a lng/lat box. */
function boxH(lng: number, lat: number, cosLat: number, box: Entry): number {
  if (lng >= box.minLng && lng <= box.maxLng) {
    if (lat < box.minLat) return hav((box.minLat - lat) * RAD);
    if (lat > box.maxLat) return hav((lat - box.maxLat) * RAD);
    return 0;
  }
  // West or east of the box: the nearest point lies on the nearer edge meridian. Along a meridian at
  // longitude offset Δλ, h(φ₂) = hav(φ−φ₂) + cos φ cos φ₂ hav(Δλ) is smallest at tan φ₂ = tan φ / cos Δλ.
  const havDLng = Math.min(hav((lng - box.minLng) * RAD), hav((lng - box.maxLng) * RAD));
  const cosDLng = 1 - 2 * havDLng;
  const bestLat = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
  const hAt = (lat2: number) => hav((lat - lat2) * RAD) + cosLat * Math.cos(lat2 * RAD) * havDLng;
  if (bestLat > box.minLat && bestLat < box.maxLat) return hAt(bestLat);
  return Math.min(hAt(box.minLat), hAt(box.maxLat));
}
