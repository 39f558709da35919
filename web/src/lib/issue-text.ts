/**
 * A problem reported by the API (or by the shared zod schemas in the browser) in the UI's language: the
 * stable `code` is translated; the API's English message is kept for English and for codes not listed.
 */
import { ApiRequestError } from './api';
import { DICTIONARY, translate, type I18nKey, type Lang } from './i18n';

export interface CodedIssue { code?: string; message: string; value?: string; field?: string | null; path?: (string | number)[] }

/**
 * @example issueText({ code: 'township_not_found', message: '…', value: '火星镇' }, 'zh') // '乡镇不存在：火星镇'
 */
export function issueText(issue: CodedIssue, lang: Lang): string {
  if (lang === 'en' || !issue.code) return issue.message;
  // A required text left empty ("Name is required").
  if (issue.code === 'too_small' && ['name', 'title', 'inspector'].includes(String(issue.path?.[0] ?? issue.field ?? ''))) return translate(lang, 'issue.required');
  const key = `issue.${issue.code}`;
  if (!(key in DICTIONARY.zh)) return issue.message;
  const text = translate(lang, key as I18nKey);
  return issue.value ? `${text}：${issue.value}` : text;
}

/** An error's headline in the UI's language: schema failures (400 invalid_request) by their code, others as the API words them. */
export function errorText(e: Error, lang: Lang): string {
  if (lang === 'zh' && e instanceof ApiRequestError && e.code === 'invalid_request') return translate(lang, 'issue.invalid_request');
  return e.message;
}
