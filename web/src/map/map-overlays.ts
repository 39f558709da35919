/**
 * Map overlays declared as data. A feature (coverage, planner proposals, volunteer choropleth, request heat map)
 * declares what it wants drawn — GeoJSON sources with their data, layers from its pure layer functions, where in
 * the drawing order, visibility and filters — with `useMapOverlay(overlay)`; `<MapOverlays>` (one, in App) mounts
 * every declared overlay on the map, keeps data, visibility and filters in step, and removes what is no longer
 * declared. No feature calls `map.addLayer` itself.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';

export interface MapOverlay {
  /** Unique id of the overlay (one feature may declare several). */
  id: string;
  /** GeoJSON sources owned by the overlay: source id → data (a new object identity means new data). */
  sources: Record<string, GeoJSONSourceSpecification['data']>;
  /** Extra options per source (e.g. `promoteId`), applied when the source is added. */
  sourceOptions?: Record<string, Omit<GeoJSONSourceSpecification, 'type' | 'data'>>;
  /** The layers, bottom first (from the feature's pure layer function). */
  layers: LayerSpecification[];
  /** Drawn under this layer when the map has it (e.g. the district outline), else on top. */
  beforeLayer?: string;
  /** Hidden layers keep their data; default visible. `visibleLayers` limits which layers follow this switch. */
  visible?: boolean;
  visibleLayers?: string[];
  /** Filters by layer id (set whenever the declaration changes). */
  filters?: Record<string, FilterSpecification>;
}

interface OverlayStore {
  overlays: Record<string, MapOverlay>;
}

export const useOverlayStore = create<OverlayStore>()(() => ({ overlays: {} }));

/** Declares `overlay` for as long as the calling component is mounted (null: nothing). Pass a memoised object. */
export function useMapOverlay(overlay: MapOverlay | null) {
  useEffect(() => {
    if (!overlay) return;
    useOverlayStore.setState((s) => ({ overlays: { ...s.overlays, [overlay.id]: overlay } }));
    return () =>
      useOverlayStore.setState((s) => {
        if (s.overlays[overlay.id] !== overlay) return s;
        const { [overlay.id]: _gone, ...rest } = s.overlays;
        return { overlays: rest };
      });
  }, [overlay]);
}
