import type { OsmTags } from './osm-way-modes.ts';

/** Callbacks a streaming OSM reader calls, in file order. `refs` is only valid during the call. */
export interface OsmHandlers {
  node(id: number, lng: number, lat: number): void;
  way(id: number, refs: ArrayLike<number>, tags: OsmTags | undefined): void;
}

/** Progress of reading a file: bytes consumed so far and the file size. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;
