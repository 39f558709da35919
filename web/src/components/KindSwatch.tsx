import type { SiteKind } from '../../../api/src/schemas/sites';
import { KIND_STYLE } from '../map/layers/site-kind-style';

/** The map symbol of a kind, drawn in HTML for the legend and lists. */
export function KindSwatch({ kind, hollow = false, faint = false }: { kind: SiteKind; hollow?: boolean; faint?: boolean }) {
  const s = KIND_STYLE[kind];
  const d = Math.round(s.radiusPx * 2);
  return (
    <span
      className="swatch"
      aria-hidden="true"
      style={{
        width: d,
        height: d,
        background: hollow ? '#fff' : s.color,
        border: `${hollow ? Math.max(2, s.strokeWidthPx) : s.strokeWidthPx}px solid ${hollow ? s.color : s.strokeColor}`,
        boxShadow: hollow ? undefined : '0 0 0 1px rgba(0,0,0,0.25)',
        opacity: faint ? 0.65 : 1,
      }}
    />
  );
}
