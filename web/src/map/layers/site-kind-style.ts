import type { SiteKind } from '../../../../api/src/schemas/sites';

export interface KindStyle {
  /** Fill colour (and stroke colour when hollow). */
  color: string;
  /** Circle radius in pixels at zoom 10. */
  radiusPx: number;
  /** Stroke colour for existing (filled) sites. */
  strokeColor: string;
  strokeWidthPx: number;
}

/**
 * One look per site kind: colour, size and stroke, from the district centre (largest, dark red)
 * down to practice households (smallest). Colours are from a colour-blind-aware qualitative palette.
 */
export const KIND_STYLE: Record<SiteKind, KindStyle> = {
  center: { color: '#b2182b', radiusPx: 11, strokeColor: '#ffffff', strokeWidthPx: 3 },
  institute: { color: '#e66101', radiusPx: 8.5, strokeColor: '#ffffff', strokeWidthPx: 2.5 },
  station: { color: '#2166ac', radiusPx: 6, strokeColor: '#ffffff', strokeWidthPx: 1.5 },
  square: { color: '#762a83', radiusPx: 7.5, strokeColor: '#f7f7f7', strokeWidthPx: 2.5 },
  base: { color: '#1b7837', radiusPx: 7.5, strokeColor: '#f7f7f7', strokeWidthPx: 2.5 },
  point: { color: '#35978f', radiusPx: 5, strokeColor: '#ffffff', strokeWidthPx: 1.5 },
  household: { color: '#bf812d', radiusPx: 4, strokeColor: '#ffffff', strokeWidthPx: 1 },
  volunteer_site: { color: '#c51b7d', radiusPx: 5.5, strokeColor: '#1a1a1a', strokeWidthPx: 1.5 },
};

export const DEMONSTRATION_COLOR = '#f2b701';
