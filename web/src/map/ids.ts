/** Source and layer ids shared by the layer functions, the map component and the browser tests. */
export const SOURCE = {
  district: 'district',
  districtMask: 'district-mask',
  townships: 'township-seats',
  sites: 'sites',
  circles: 'service-circles',
} as const;

export const LAYER = {
  background: 'background',
  mask: 'district-mask',
  districtFill: 'district-fill',
  districtCasing: 'district-line-casing',
  districtLine: 'district-line',
  circlesFill: 'service-circles-fill',
  circlesLine: 'service-circles-line',
  townshipSeats: 'township-seats',
  siteHalo: 'sites-selected-halo',
  siteDemoRing: 'sites-demonstration-ring',
  sites: 'sites-circle',
} as const;
