import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';

/** Panels that float over the map (the details panel, the scenario panel, the phone's sliding left panel). */
const OVERLAYS = '.right-panel, .scenario-panel, .left-panel';

/**
 * The padding that keeps a `fitBounds` inside the part of the map no panel covers: each panel over the map's
 * right, left or bottom edge adds its overlap, plus `marginPx`. Never leaves less than 120 px of map.
 * @example map.fitBounds(bounds, { padding: visiblePadding(map) })
 */
export function visiblePadding(map: MapLibreMap, marginPx = 40): PaddingOptions {
  const box = map.getContainer().getBoundingClientRect();
  const pad = { top: marginPx, bottom: marginPx, left: marginPx, right: marginPx };
  for (const el of document.querySelectorAll<HTMLElement>(OVERLAYS)) {
    const r = el.getBoundingClientRect();
    const ox = Math.min(r.right, box.right) - Math.max(r.left, box.left);
    const oy = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
    if (ox <= 0 || oy <= 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (oy > box.height / 2 && ox < box.width * 0.9) {
      if (r.left - box.left > box.right - r.right) pad.right = Math.max(pad.right, box.right - r.left + marginPx);
      else pad.left = Math.max(pad.left, r.right - box.left + marginPx);
    } else if (ox >= box.width * 0.9 && r.top > box.top) pad.bottom = Math.max(pad.bottom, box.bottom - r.top + marginPx);
  }
  const squeeze = (a: 'left' | 'top', b: 'right' | 'bottom', size: number) => {
    const over = pad[a] + pad[b] + 120 - size;
    if (over > 0) {
      const k = Math.max(0, 1 - over / (pad[a] + pad[b]));
      pad[a] = Math.floor(pad[a] * k);
      pad[b] = Math.floor(pad[b] * k);
    }
  };
  squeeze('left', 'right', box.width);
  squeeze('top', 'bottom', box.height);
  return pad;
}
