/** Links that open a station in 高德, 百度 or 腾讯 maps, each with the point converted to the datum that app expects. */
import gcoord from 'gcoord';

export interface NavLink {
  app: 'amap' | 'baidu' | 'tencent';
  href: string;
  /** The point as sent (in the app's own datum). */
  lng: number;
  lat: number;
}

const fix6 = (x: number) => Number(x.toFixed(6));

/**
 * 高德 and 腾讯 take GCJ-02, 百度 takes BD-09; our sites are WGS-84 (converted with gcoord).
 * @example navLinks(106.15, 32.64, '明月路社区新时代文明实践站')[0].href // https://uri.amap.com/marker?position=…
 */
export function navLinks(lng: number, lat: number, name: string): NavLink[] {
  const [gLng, gLat] = (gcoord.transform([lng, lat] as [number, number], gcoord.WGS84, gcoord.GCJ02) as number[]).map(fix6);
  const [bLng, bLat] = (gcoord.transform([lng, lat] as [number, number], gcoord.WGS84, gcoord.BD09) as number[]).map(fix6);
  const n = encodeURIComponent(name);
  return [
    { app: 'amap', lng: gLng, lat: gLat, href: `https://uri.amap.com/marker?position=${gLng},${gLat}&name=${n}&coordinate=gaode&callnative=1` },
    { app: 'baidu', lng: bLng, lat: bLat, href: `https://api.map.baidu.com/marker?location=${bLat},${bLng}&title=${n}&content=${n}&output=html&coord_type=bd09ll&src=webapp.chaotian.servicecircle` },
    { app: 'tencent', lng: gLng, lat: gLat, href: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${gLat},${gLng};title:${n}&referer=chaotian-servicecircle` },
  ];
}
