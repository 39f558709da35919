import { districtNameOf } from '../services/district-packs.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { clientKey } from '../http/client-key.ts';
import { reportBundle } from '../reports/report-data.ts';
import { districtPageHtml, reportDocument, townshipPageHtml } from '../reports/report-html.ts';
import { renderPdf } from '../reports/render-pdf.ts';
import { YearSchema } from '../schemas/leaders.ts';
import { todayIso } from '../services/leaders-service.ts';

const ReportQuerySchema = z.strictObject({
  year: YearSchema.optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});
const FileParamSchema = z.object({ file: z.string().regex(/^\d{9}\.(pdf|html)$/, 'a township code followed by .pdf or .html') });
const SimpleFileSchema = z.object({ file: z.enum(['district.pdf', 'district.html', 'all.pdf', 'all.html']) });

function send(body: string | Uint8Array, name: string) {
  const pdf = typeof body !== 'string';
  return new Response(body as BodyInit, {
    headers: {
      'content-type': pdf ? 'application/pdf' : 'text/html; charset=utf-8',
      ...(pdf ? { 'content-disposition': `inline; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}` } : {}),
      'cache-control': 'no-store',
    },
  });
}

/**
 * Printed reports (viewer+): one A4 page per township, the district page, and the whole-district pack,
 * as PDF (Chromium) or as the print page's HTML (the UI's 打印 opens it and calls print()); built behind the job queue.
 */
export const reportRoutes = new Hono<AppEnv>()
  .get('/reports/townships/:file', validate('param', FileParamSchema), validate('query', ReportQuerySchema), async (c) => {
    const { file } = c.req.valid('param');
    const { year = Number(todayIso().slice(0, 4)), lang } = c.req.valid('query');
    const [code, ext] = file.split('.');
    return c.var.deps.jobs.run(clientKey(c), async () => {
      const b = await reportBundle(c.var.deps, c.var.district, year);
      const t = b.coverage.townships.find((x) => x.code === code);
      if (!t) throw notFound('Township');
      const html = reportDocument([townshipPageHtml(b, code, lang)], lang, `${t.name} ${year}`);
      return send(ext === 'pdf' ? await renderPdf(html) : html, `${t.name}-${year}.pdf`);
    }, c.req.raw.signal);
  })
  .get('/reports/:file', validate('param', SimpleFileSchema), validate('query', ReportQuerySchema), async (c) => {
    const { file } = c.req.valid('param');
    const { year = Number(todayIso().slice(0, 4)), lang } = c.req.valid('query');
    return c.var.deps.jobs.run(clientKey(c), async () => {
      const b = await reportBundle(c.var.deps, c.var.district, year);
      const pages = [districtPageHtml(b, lang)];
      if (file.startsWith('all')) for (const t of b.coverage.townships) pages.push(townshipPageHtml(b, t.code, lang));
      const name = districtNameOf(c.var.district);
      const html = reportDocument(pages, lang, `${name} ${year}`);
      return send(file.endsWith('.pdf') ? await renderPdf(html) : html, `${file.startsWith('all') ? `${name}全区` : name}-${year}.pdf`);
    }, c.req.raw.signal);
  });
