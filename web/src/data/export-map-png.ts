/**
 * "导出地图 PNG": the map's WebGL canvas, read in the frame it was drawn, onto a larger 2D canvas with a
 * title, the HTML labels and markers of the map, a legend, a scale bar, a north arrow and the attribution.
 */
import type * as maplibregl from 'maplibre-gl';
import { haversineMeters } from '../../../api/src/engine/geo/index.ts';
import { niceScaleBar } from './scale-bar';

export interface LegendItem {
  label: string;
  color: string;
  shape: 'dot' | 'hollow' | 'line' | 'area' | 'number';
}

export interface MapPngOptions {
  title: string;
  subtitle?: string;
  legendTitle: string;
  legend: readonly LegendItem[];
  attribution: readonly string[];
  /** Small print under the attribution (coordinate system, export time). */
  footnote: string;
}

const FONT = `'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif`;
const MARGIN = 20;
const HEADER = 64;
const LEGEND_W = 230;

/** Draws the map canvas as it is in the next rendered frame (the WebGL buffer is valid only during that frame). */
function grabMapFrame(map: maplibregl.Map): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext('2d')!.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number) {
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.lineJoin = 'round';
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

/** The HTML markers (township and site names, ranked proposals) drawn where they sit over the map. */
function drawMarkers(ctx: CanvasRenderingContext2D, map: maplibregl.Map, ox: number, oy: number) {
  const canvasRect = map.getCanvas().getBoundingClientRect();
  const els = map.getContainer().querySelectorAll<HTMLElement>('.maplibregl-marker');
  for (const el of els) {
    const text = el.textContent?.trim();
    const r = el.getBoundingClientRect();
    if (!text || r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    const cx = ox + r.left - canvasRect.left + r.width / 2;
    const cy = oy + r.top - canvasRect.top + r.height / 2;
    if (cx < ox || cy < oy || cx > ox + canvasRect.width || cy > oy + canvasRect.height) continue;
    const style = getComputedStyle(el);
    if (el.classList.contains('planner-marker')) {
      const radius = Math.max(r.width, r.height) / 2;
      ctx.beginPath();
      ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
      ctx.fillStyle = style.backgroundColor || '#d95f02';
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      ctx.fillStyle = style.color || '#ffffff';
      ctx.font = `bold ${Math.round(radius * 1.1)}px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, cx, cy + 0.5);
    } else {
      ctx.fillStyle = style.color || '#222';
      ctx.font = `${style.fontWeight} ${style.fontSize} ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      haloText(ctx, text, cx, cy);
    }
  }
}

function drawLegendSymbol(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number) {
  ctx.fillStyle = item.color;
  ctx.strokeStyle = item.color;
  ctx.lineWidth = 2;
  ctx.setLineDash([]);
  switch (item.shape) {
    case 'dot':
      ctx.beginPath();
      ctx.arc(x + 9, y, 6, 0, 2 * Math.PI);
      ctx.fill();
      break;
    case 'hollow':
      ctx.beginPath();
      ctx.arc(x + 9, y, 5.5, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.stroke();
      break;
    case 'number':
      ctx.beginPath();
      ctx.arc(x + 9, y, 8, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.font = `bold 10px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('1', x + 9, y + 0.5);
      break;
    case 'line':
      ctx.setLineDash([5, 3]);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 18, y);
      ctx.stroke();
      ctx.setLineDash([]);
      break;
    case 'area':
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x, y - 6, 18, 12);
      ctx.globalAlpha = 1;
      ctx.strokeRect(x, y - 6, 18, 12);
      break;
  }
}

/**
 * Renders the map and its furniture to a PNG blob.
 * @example const blob = await renderMapPng(map, { title: '朝天区…', legendTitle: '图例', legend, attribution, footnote })
 */
export async function renderMapPng(map: maplibregl.Map, o: MapPngOptions): Promise<Blob> {
  const frame = await grabMapFrame(map);
  const cssW = map.getCanvas().clientWidth;
  const cssH = map.getCanvas().clientHeight;
  const scale = frame.width / cssW;

  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `11px ${FONT}`;
  const attribLines = o.attribution.flatMap((a) => wrapText(measure, a, cssW + LEGEND_W - 2 * MARGIN));
  const footerH = 12 + (attribLines.length + 1) * 15 + MARGIN;
  const width = MARGIN + cssW + MARGIN + LEGEND_W;
  const height = HEADER + cssH + footerH;

  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const ctx = out.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  // Title
  ctx.fillStyle = '#9e1b20';
  ctx.fillRect(0, 0, width, 4);
  ctx.fillStyle = '#1f2328';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 20px ${FONT}`;
  ctx.fillText(o.title, MARGIN, 34);
  if (o.subtitle) {
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = '#656d76';
    ctx.fillText(o.subtitle, MARGIN, 54);
  }

  // Map, its HTML labels, frame
  const mx = MARGIN, my = HEADER;
  ctx.drawImage(frame, mx, my, cssW, cssH);
  ctx.save();
  ctx.beginPath();
  ctx.rect(mx, my, cssW, cssH);
  ctx.clip();
  drawMarkers(ctx, map, mx, my);
  ctx.restore();
  ctx.strokeStyle = '#9aa1a9';
  ctx.lineWidth = 1;
  ctx.strokeRect(mx + 0.5, my + 0.5, cssW - 1, cssH - 1);

  // Scale bar (bottom left of the map), measured on the ground along the map's bottom row
  const yRow = cssH - 30;
  const a = map.unproject([20, yRow]);
  const b = map.unproject([120, yRow]);
  const bar = niceScaleBar(haversineMeters(a.lng, a.lat, b.lng, b.lat) / 100, 160);
  const sx = mx + 14, sy = my + cssH - 18;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(sx - 6, sy - 22, bar.px + 12, 30);
  ctx.fillStyle = '#1f2328';
  ctx.fillRect(sx, sy - 3, bar.px, 4);
  ctx.fillRect(sx, sy - 8, 1.5, 10);
  ctx.fillRect(sx + bar.px - 1.5, sy - 8, 1.5, 10);
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.fillText(`0`, sx, sy - 10);
  ctx.textAlign = 'right';
  ctx.fillText(bar.label, sx + bar.px, sy - 10);

  // North arrow (the map is never rotated)
  const nx = mx + cssW - 26, ny = my + 22;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(nx, ny + 6, 17, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#1f2328';
  ctx.beginPath();
  ctx.moveTo(nx, ny - 6);
  ctx.lineTo(nx + 6, ny + 10);
  ctx.lineTo(nx, ny + 6);
  ctx.lineTo(nx - 6, ny + 10);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold 10px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('N', nx, ny + 21);

  // Legend (right of the map)
  const lx = mx + cssW + MARGIN;
  let ly = my + 4;
  ctx.textAlign = 'left';
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold 14px ${FONT}`;
  ctx.fillText(o.legendTitle, lx, ly + 12);
  ly += 32;
  ctx.font = `12px ${FONT}`;
  for (const item of o.legend) {
    drawLegendSymbol(ctx, item, lx, ly);
    ctx.fillStyle = '#1f2328';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.font = `12px ${FONT}`;
    const lines = wrapText(ctx, item.label, LEGEND_W - 32);
    lines.forEach((line, i) => ctx.fillText(line, lx + 26, ly + i * 15));
    ly += 8 + lines.length * 15;
  }
  ctx.textBaseline = 'alphabetic';

  // Attribution and footnote
  let fy = my + cssH + 20;
  ctx.fillStyle = '#4a5058';
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'left';
  for (const line of attribLines) {
    ctx.fillText(line, MARGIN, fy);
    fy += 15;
  }
  ctx.fillStyle = '#80868e';
  ctx.fillText(o.footnote, MARGIN, fy);

  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Saves a blob under `fileName` through a temporary download link. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
