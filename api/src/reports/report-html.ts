/**
 * The printed report as HTML: one A4 page per township and one for the district, each with the map of its
 * circles and gaps, headline numbers, quotas with what is short, volunteers and activities against the
 * targets, scorecard and rank, data sources and what is modelled, and the date. Chromium prints it to PDF.
 */
import { SITE_KIND_NAMES, type SiteKind } from '../schemas/sites.ts';
import { DEFAULT_INDICATORS, GROUP_NAMES } from '../services/evaluation-rules.ts';
import { COVERED_COLOR, GAP_BREAKS, GAP_COLORS, KIND_COLORS, gapClass, mapSvg } from './map-svg.ts';
import type { ReportBundle } from './report-data.ts';
import { esc, num, pct, rt, type ReportLang } from './report-text.ts';

const kindName = (k: string, lang: ReportLang) => SITE_KIND_NAMES[k as SiteKind]?.[lang] ?? k;
const indicatorName = (id: string, lang: ReportLang) => DEFAULT_INDICATORS.find((i) => i.id === id)?.[lang] ?? id;

const CSS = `
@page { size: A4; margin: 9mm 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #212529; font-size: 8.4pt; line-height: 1.32; }
.page { width: 190mm; height: 278mm; overflow: hidden; page-break-after: always; break-after: page; display: flex; flex-direction: column; gap: 2.2mm; }
.page:last-child { page-break-after: auto; break-after: auto; }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.4pt solid #9c1c1c; padding-bottom: 1.5mm; }
h1 { font-size: 15pt; margin: 0; color: #9c1c1c; } h1 small { font-size: 9pt; color: #495057; font-weight: normal; margin-left: 2mm; }
h2 { font-size: 9.6pt; margin: 0 0 1mm; color: #9c1c1c; border-left: 2.4pt solid #9c1c1c; padding-left: 1.6mm; }
.meta { text-align: right; color: #495057; font-size: 8pt; }
.row { display: flex; gap: 3mm; } .col { flex: 1; min-width: 0; }
.map { border: 0.5pt solid #ced4da; } .map svg { display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 3mm; font-size: 7.4pt; color: #495057; margin-top: 1mm; }
.sw { display: inline-block; width: 3mm; height: 3mm; vertical-align: -0.5mm; margin-right: 0.8mm; border: 0.4pt solid #adb5bd; }
.dot { display: inline-block; width: 2.4mm; height: 2.4mm; border-radius: 50%; vertical-align: -0.3mm; margin-right: 0.8mm; }
.kpis { display: flex; gap: 2mm; } .kpi { flex: 1; border: 0.5pt solid #dee2e6; border-radius: 1mm; padding: 1.2mm 1.8mm; }
.kpi b { display: block; font-size: 12pt; } .kpi span { color: #495057; font-size: 7.6pt; }
table { width: 100%; border-collapse: collapse; font-size: 7.8pt; } th, td { border-bottom: 0.4pt solid #dee2e6; padding: 0.55mm 1mm; text-align: left; }
th { background: #f1f3f5; font-weight: 600; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.bad { color: #c92a2a; font-weight: 600; } .good { color: #2b8a3e; } .muted { color: #6c757d; }
.badge { border: 0.5pt solid #e8590c; color: #e8590c; border-radius: 0.8mm; padding: 0 0.8mm; font-size: 7pt; }
.days { display: inline-flex; gap: 0.6mm; } .days i { width: 2.6mm; height: 2.6mm; border: 0.4pt solid #adb5bd; display: inline-block; font-style: normal; }
.days i.on { background: #2b8a3e; border-color: #2b8a3e; } .days i.na { background: repeating-linear-gradient(45deg,#fff,#fff 0.5mm,#dee2e6 0.5mm,#dee2e6 1mm); }
.total { font-size: 11pt; font-weight: 700; color: #9c1c1c; }
footer { margin-top: auto; border-top: 0.5pt solid #ced4da; padding-top: 1mm; font-size: 6.6pt; line-height: 1.25; color: #495057; }
footer p { margin: 0.4mm 0; }
`;

function legendHtml(lang: ReportLang, gaps: { properties: { population: number } }[], kinds: string[], demo: boolean): string {
  const classes = [...new Set(gaps.map((g) => gapClass(g.properties.population)))].sort();
  const label = (c: number) => (c === 0 ? `<${GAP_BREAKS[0]}` : c === GAP_BREAKS.length ? `≥${GAP_BREAKS[c - 1]}` : `${GAP_BREAKS[c - 1]}–${GAP_BREAKS[c]}`);
  const parts = [`<span><i class="sw" style="background:${COVERED_COLOR};opacity:.45"></i>${rt(lang, 'legendCircles')}</span>`];
  if (classes.length) parts.push(`<span>${rt(lang, 'legendGaps')}: ${classes.map((c) => `<i class="sw" style="background:${GAP_COLORS[c]}"></i>${label(c)}`).join(' ')}</span>`);
  for (const k of kinds) parts.push(`<span><i class="dot" style="background:${KIND_COLORS[k] ?? '#495057'}"></i>${esc(kindName(k, lang))}</span>`);
  if (demo) parts.push(`<span><i class="dot" style="border:1.2pt solid #f2b600"></i>${rt(lang, 'legendDemo')}</span>`);
  return `<div class="legend">${parts.join('')}</div>`;
}

function standingRows(lang: ReportLang, s: ReportBundle['volunteers']['district']['standing']): string {
  const rows: [string, keyof typeof s][] = [[rt(lang, 'resReg'), 'residentRegistration'], [rt(lang, 'cadreReg'), 'cadreRegistration'],
    [rt(lang, 'cadrePart'), 'cadreParticipation'], [rt(lang, 'resPart'), 'residentParticipation']];
  return rows.map(([label, k]) => {
    const x = s[k];
    const value = x.rate === null ? (x.count === null ? rt(lang, 'noData') : `${num(x.count)} · ${rt(lang, 'notComputed')}`) : `${pct(x.rate)} (${num(x.count)}/${num(x.base)})`;
    return `<tr><td>${label}</td><td class="n">${value}</td><td class="n">${pct(x.target, 0)}</td><td class="n ${x.shortPeople ? 'bad' : x.met ? 'good' : ''}">${x.shortPeople === null ? '—' : num(x.shortPeople)}</td></tr>`;
  }).join('');
}

function scorecardHtml(lang: ReportLang, b: ReportBundle, code: string): string {
  const ev = b.evaluation;
  const t = ev.townships.find((x) => x.code === code);
  if (!t) return '';
  const info = new Map(ev.indicators.map((i) => [i.id, i]));
  const fmt = (id: string, v: number | null) => (v === null ? '—' : info.get(id)?.valueKind === 'share' ? pct(v) : info.get(id)?.valueKind === 'count' ? v.toFixed(1) : v.toFixed(0));
  const rows = t.indicators.filter((i) => i.weight > 0).map((i) => {
    const inf = info.get(i.id)!;
    return `<tr><td>${esc(GROUP_NAMES[inf.group][lang])}</td><td>${esc(indicatorName(i.id, lang))}</td><td class="n">${fmt(i.id, i.value)}</td>`
      + `<td class="n">${i.target === null ? '—' : fmt(i.id, i.target)}</td><td class="n">${i.score === null ? '—' : i.score.toFixed(1)}</td><td class="n">${i.weight}</td></tr>`;
  }).join('');
  const ranked = ev.townships.filter((x) => x.rank !== null).length;
  const rank = t.rank === null ? rt(lang, 'unranked') : rt(lang, 'rankOf', { rank: t.rank, n: ranked });
  const missing = t.missing.length ? `<p class="muted">${rt(lang, 'missing', { list: t.missing.map((id) => indicatorName(id, lang)).join(lang === 'zh' ? '、' : ', ') })}</p>` : '';
  return `<h2>${rt(lang, 'scorecard')} · ${ev.year}</h2><p><span class="total">${rt(lang, 'total')} ${t.score === null ? '—' : t.score.toFixed(2)}</span> · <b>${rank}</b></p>
<table><thead><tr><th>${rt(lang, 'group')}</th><th>${rt(lang, 'indicator')}</th><th class="n">${rt(lang, 'value')}</th><th class="n">${rt(lang, 'target')}</th><th class="n">${rt(lang, 'score')}</th><th class="n">${rt(lang, 'weight')}</th></tr></thead><tbody>${rows}</tbody></table>${missing}`;
}

function footerHtml(lang: ReportLang, b: ReportBundle): string {
  const cov = b.coverage;
  const sources = b.sources.map((s) => `${esc(s.name.length > 90 ? `${s.name.slice(0, 88)}…` : s.name)}${s.modelled ? ` <span class="badge">${rt(lang, 'modelled')}</span>` : ''}`).join(lang === 'zh' ? '；' : '; ');
  const desc = lang === 'zh' ? cov.travelDescriptionZh : cov.travelDescription;
  const colon = lang === 'zh' ? '：' : ': ';
  return `<footer><p><b>${rt(lang, 'sources')}</b>${colon}${sources}</p>
<p>${rt(lang, 'circlesNote', { desc: esc(desc) })}${cov.demand.modelled ? ` · ${rt(lang, 'modelledNote')}` : ''}${b.areasApproximate ? ` · ${rt(lang, 'areasNote')}` : ''}</p>
<p><b>${rt(lang, 'method')}</b>${colon}${esc(b.evaluation.method[lang])}</p>
<p>${rt(lang, 'generated')} ${b.today}</p></footer>`;
}

function headerHtml(lang: ReportLang, name: string, b: ReportBundle): string {
  return `<header><h1>${esc(name)}<small>${rt(lang, 'title')}</small></h1><div class="meta">${rt(lang, 'year', { year: b.year })}<br>${rt(lang, 'generated')} ${b.today}</div></header>`;
}

function kpis(lang: ReportLang, r: { population: number; covered: number; share: number | null; olderShare: number | null }, modelled: boolean): string {
  const m = modelled ? ` <span class="badge">${rt(lang, 'modelled')}</span>` : '';
  return `<div class="kpis"><div class="kpi"><b>${num(r.population)}</b><span>${rt(lang, 'population')}${m}</span></div>
<div class="kpi"><b>${num(r.covered)}</b><span>${rt(lang, 'covered')}</span></div><div class="kpi"><b>${pct(r.share)}</b><span>${rt(lang, 'share')}</span></div>
<div class="kpi"><b>${pct(r.olderShare)}</b><span>${rt(lang, 'olderShare')}</span></div></div>`;
}

function quotaTable(lang: ReportLang, items: { kind: string; demonstration: boolean; required: { min: number; max?: number }; actual: number; status: string }[]): string {
  const req = (r: { min: number; max?: number }) => (r.max === undefined ? `≥${r.min}` : r.max === r.min ? `${r.min}` : `${r.min}–${r.max}`);
  const rows = items.map((i) => {
    const short = i.status === 'short' ? i.required.min - i.actual : 0;
    const label = `${i.demonstration ? (lang === 'zh' ? '示范' : 'demo ') : ''}${kindName(i.kind, lang)}`;
    return `<tr><td>${esc(label)}</td><td class="n">${req(i.required)}</td><td class="n">${i.actual}</td><td class="n ${i.status === 'short' ? 'bad' : 'good'}">${i.status === 'short' ? short : rt(lang, i.status === 'over' ? 'over' : 'met')}</td></tr>`;
  }).join('');
  return `<table><thead><tr><th>${rt(lang, 'quotaKind')}</th><th class="n">${rt(lang, 'required')}</th><th class="n">${rt(lang, 'actual')}</th><th class="n">${rt(lang, 'shortBy')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function daysHtml(days: boolean[], monthsElapsed: number): string {
  return `<span class="days">${days.map((d, i) => `<i class="${d ? 'on' : i >= monthsElapsed ? 'na' : ''}" title="${i + 1}"></i>`).join('')}</span>`;
}

/** One township's page. */
export function townshipPageHtml(b: ReportBundle, code: string, lang: ReportLang): string {
  const t = b.coverage.townships.find((x) => x.code === code)!;
  const area = b.areas.filter((a) => a.properties?.code === code);
  const gaps = b.coverage.gaps.features.filter((g) => g.properties.townshipCode === code);
  const sites = b.sites.filter((s) => s.townshipCode === code);
  const svg = mapSvg({ frame: area.length ? area : [b.district], circles: b.circlesByTownship.get(code) ?? [], gaps, sites, widthPx: 400, heightPx: 300 });
  const vol = b.volunteers.townships.find((x) => x.code === code)!;
  const act = b.activities.townships.find((x) => x.code === code)!;
  const teams = b.activities.teams.filter((x) => x.townshipCode === code);
  // The same figure as the scorecard: activities of the year over the township's existing institute and stations.
  const perSite = b.evaluation.townships.find((x) => x.code === code)?.indicators.find((i) => i.id === 'activities_per_site')?.value;
  const demo = b.activities.demonstrationTargets.filter((d) => d.townshipCode === code);
  const kinds = [...new Set(sites.map((s) => s.kind))].sort();
  const demoHtml = demo.length ? `<p>${rt(lang, 'demo')}${lang === 'zh' ? '：' : ': '}${demo.map((d) => `${esc(d.siteName ?? `${d.township}${d.village ?? ''}`)} <b class="${d.status === 'demonstration' ? 'good' : 'bad'}">${rt(lang, d.status === 'demonstration' ? 'demoDone' : d.status === 'not_yet' ? 'demoNot' : 'demoNoSite')}</b>`).join(lang === 'zh' ? '；' : '; ')}</p>` : '';
  const name = lang === 'zh' ? t.name : (t.nameEn || t.name);
  return `<section class="page" data-township="${code}">${headerHtml(lang, name, b)}
<div class="row"><div class="map">${svg}</div><div class="col">
<h2>${rt(lang, 'headline')}</h2>${kpis(lang, { ...t, olderShare: t.olderPopulation > 0 ? t.olderCovered / t.olderPopulation : null }, b.coverage.demand.modelled)}
<h2 style="margin-top:2mm">${rt(lang, 'quotas')}</h2>${quotaTable(lang, t.quota)}
</div></div>${legendHtml(lang, gaps, kinds, sites.some((s) => s.demonstration))}
<div class="row"><div class="col"><h2>${rt(lang, 'volunteers')}${vol.date ? ` <span class="muted">(${vol.date})</span>` : ''}${vol.populationModelled ? ` <span class="badge">${rt(lang, 'modelled')}</span>` : ''}</h2>
<table><thead><tr><th>${rt(lang, 'indicator')}</th><th class="n">${rt(lang, 'value')}</th><th class="n">${rt(lang, 'target')}</th><th class="n">${rt(lang, 'peopleShort')}</th></tr></thead><tbody>${standingRows(lang, vol.standing)}</tbody></table></div>
<div class="col"><h2>${rt(lang, 'activities')} · ${b.year}</h2><table><tbody>
<tr><td>${rt(lang, 'activitiesYear')}</td><td class="n">${act.count}</td></tr>
<tr><td>${rt(lang, 'perSite')}</td><td class="n">${perSite === null || perSite === undefined ? '—' : perSite.toFixed(1)}</td></tr>
<tr><td>${rt(lang, 'days')}</td><td class="n">${daysHtml(act.activityDays, b.activities.monthsElapsed)} ${act.activityDaysHeld}/${b.activities.monthsElapsed}</td></tr>
<tr><td>${rt(lang, 'teams')}</td><td class="n">${teams.length ? `${teams.filter((x) => x.met).length}/${teams.length}` : '—'}</td></tr>
</tbody></table>${demoHtml}</div></div>
${scorecardHtml(lang, b, code)}
${footerHtml(lang, b)}</section>`;
}

/** The district page: the whole map, district numbers, the township ranking and the detachments' ranking. */
export function districtPageHtml(b: ReportBundle, lang: ReportLang): string {
  const cov = b.coverage;
  const circles = [...b.circlesByTownship.values()].flat();
  const svg = mapSvg({ frame: [b.district], outlines: b.areas, circles, gaps: cov.gaps.features, sites: b.sites, widthPx: 400, heightPx: 330 });
  const kinds = [...new Set(b.sites.map((s) => s.kind))].sort();
  const ev = b.evaluation;
  const tw = ev.townships.map((t) => `<tr><td class="n">${t.rank ?? '—'}</td><td>${esc(lang === 'zh' ? t.name : (b.coverage.townships.find((x) => x.code === t.code)?.nameEn || t.name))}</td><td class="n">${t.score === null ? '—' : t.score.toFixed(2)}</td></tr>`).join('');
  const det = ev.detachments.map((t) => `<tr><td class="n">${t.rank ?? '—'}</td><td>${esc(t.name.replace('志愿服务支队', ''))}</td><td class="n">${t.score === null ? '—' : t.score.toFixed(1)}</td></tr>`).join('');
  const shortQuotas = cov.townships.flatMap((t) => t.quota.filter((q) => q.status === 'short').map((q) => ({ t, q })));
  const byKind = new Map<string, number>();
  for (const { q } of shortQuotas) byKind.set(`${q.demonstration ? 'demo:' : ''}${q.kind}`, (byKind.get(`${q.demonstration ? 'demo:' : ''}${q.kind}`) ?? 0) + (q.required.min - q.actual));
  const shortText = [...byKind].map(([k, n]) => `${k.startsWith('demo:') ? (lang === 'zh' ? '示范' : 'demo ') : ''}${kindName(k.replace('demo:', ''), lang)} ${n}`).join(lang === 'zh' ? '、' : ', ');
  const demo = b.activities.demonstrationTargets;
  return `<section class="page" data-district="1">${headerHtml(lang, lang === 'zh' ? `${b.districtName.zh}${rt(lang, 'district')}` : `${b.districtName.en} — ${rt(lang, 'district')}`, b)}
<div class="row"><div class="map">${svg}</div><div class="col">
<h2>${rt(lang, 'headline')}</h2>${kpis(lang, { population: cov.totals.population, covered: cov.totals.covered, share: cov.totals.share, olderShare: cov.totals.olderShare }, cov.demand.modelled)}
<h2 style="margin-top:2mm">${rt(lang, 'quotas')}</h2>${quotaTable(lang, cov.district.quota)}
<p>${lang === 'zh' ? '各乡镇合计缺口' : 'Townships short in total'}：${shortText || rt(lang, 'met')}</p>
<p>${rt(lang, 'demo')}：${demo.filter((d) => d.status === 'demonstration').length}/${demo.length}</p>
</div></div>${legendHtml(lang, cov.gaps.features, kinds, b.sites.some((s) => s.demonstration))}
<div class="row"><div class="col"><h2>${rt(lang, 'volunteers')} <span class="muted">(${rt(lang, 'reporting', { n: b.volunteers.district.townshipsReporting, total: b.volunteers.district.townshipsTotal })})</span></h2><table><thead><tr><th>${rt(lang, 'indicator')}</th><th class="n">${rt(lang, 'value')}</th><th class="n">${rt(lang, 'target')}</th><th class="n">${rt(lang, 'peopleShort')}</th></tr></thead><tbody>${standingRows(lang, b.volunteers.district.standing)}</tbody></table>
<h2 style="margin-top:2mm">${rt(lang, 'activities')} · ${b.year}</h2><p>${rt(lang, 'activitiesYear')}：${b.activities.total}</p></div>
<div class="col"><h2>${rt(lang, 'ranking')} · ${ev.year}</h2><table><thead><tr><th class="n">${rt(lang, 'rank')}</th><th>${rt(lang, 'township')}</th><th class="n">${rt(lang, 'total')}</th></tr></thead><tbody>${tw}</tbody></table></div>
<div class="col"><h2>${rt(lang, 'detachments')}</h2><table><thead><tr><th class="n">${rt(lang, 'rank')}</th><th>${rt(lang, 'detachment')}</th><th class="n">${rt(lang, 'total')}</th></tr></thead><tbody>${det}</tbody></table></div></div>
${footerHtml(lang, b)}</section>`;
}

/** A whole HTML document of the given pages. */
export function reportDocument(pages: string[], lang: ReportLang, title: string): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>${pages.join('\n')}</body></html>`;
}
