/** Number formats of the planner panels. */
export const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');
export const fmtPct = (share: number | null | undefined, digits = 1) =>
  share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)}%`;
export const fmtSigned = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±') + fmtInt(Math.abs(x));
export const fmtSignedPct = (share: number, digits = 1) => (share >= 0 ? '+' : '−') + `${Math.abs(share * 100).toFixed(digits)}%`;
