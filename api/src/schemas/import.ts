import { z } from 'zod';
import { IMPORT_CRS } from '../import/crs.ts';

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'on' || v === 'yes');

/** Coordinate system of the uploaded coordinates: required, never guessed. */
export const ImportCrsSchema = z.enum(IMPORT_CRS, { message: 'crs is required: wgs84 (GPS), gcj02 (Amap/Tencent) or bd09 (Baidu)' });

/** `{"name": "站点名称", "lng": "X坐标", "notes": null}`: our field → the file's column header (null = ignore). */
export const MappingSchema = z
  .string()
  .max(10_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object {"field": "column header"}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().max(64), z.string().max(200).nullable()));

const text = (max: number) => z.string().trim().max(max);

/** Multipart form of every import: the file and how to read it. */
const importFields = {
  file: z.instanceof(File, { message: 'file is required (multipart field "file")' }),
  crs: ImportCrsSchema,
  mode: z.enum(['preview', 'commit']).default('preview'),
  skipInvalid: flag.default(false),
  mapping: MappingSchema.optional(),
  /** Recorded with the data source on commit. */
  sourceName: text(200).optional(),
  licence: text(200).optional(),
  vintage: text(100).optional(),
  attribution: text(500).optional(),
};

export const SiteImportFormSchema = z.object(importFields);
export type SiteImportForm = z.infer<typeof SiteImportFormSchema>;

/** Measured reference data must say under which licence it may be used. */
export const ReferenceImportFormSchema = z.object({
  ...importFields,
  licence: text(200).min(1, 'licence is required (e.g. "CC BY 4.0" or "区统计局提供，内部使用")'),
});
export type ReferenceImportForm = z.infer<typeof ReferenceImportFormSchema>;

export const PopulationImportFormSchema = z.object({
  ...ReferenceImportFormSchema.shape,
  /** Grid cell size in metres, for point grids (polygon grids give their own). */
  cellSizeMeters: z.coerce.number().positive().max(10_000).optional(),
});
export type PopulationImportForm = z.infer<typeof PopulationImportFormSchema>;
