/**
 * Rounds a coordinate to 6 decimal places (≈ 0.11 m in latitude), the precision stored and sent as GeoJSON.
 *
 * @example
 * round6(106.1234567); // 106.123457
 */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
