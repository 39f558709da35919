/**
 * A scale bar of a "nice" length (1, 2 or 5 × 10ⁿ metres) no longer than `maxPx` pixels.
 * @param metersPerPixel - ground metres per pixel at the bar's position
 * @param maxPx - the longest bar allowed, pixels
 * @returns the bar's length in metres and pixels and its label ("500 m", "2 km")
 * @example niceScaleBar(10, 120) // { meters: 1000, px: 100, label: '1 km' }
 */
export function niceScaleBar(metersPerPixel: number, maxPx: number): { meters: number; px: number; label: string } {
  if (!(metersPerPixel > 0) || !(maxPx > 0)) throw new Error('metersPerPixel and maxPx must be > 0');
  const maxMeters = metersPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxMeters));
  const step = [5, 2, 1].find((s) => s * pow <= maxMeters) ?? 1;
  const meters = step * pow;
  const label = meters >= 1000 ? `${+(meters / 1000).toPrecision(3)} km` : `${+meters.toPrecision(3)} m`;
  return { meters, px: meters / metersPerPixel, label };
}
