import { REQUEST_SERVICES, REQUEST_SERVICE_NAMES } from '../../../api/src/schemas/requests';
import { translate, type I18nKey, type Lang as LangBase } from '../lib/i18n';

/** Service names and request statuses in zh-CN and English; the pages' other words are in lib/i18n.ts. */
export type Lang = LangBase;
/** The service-request pages' words, from the app's one dictionary (keys `req.*`, `track.*`, `inbox.*`). */
export function rt(lang: Lang, key: I18nKey, vars: Record<string, string> = {}): string {
  return translate(lang, key, vars);
}

const SERVICE_EN: Record<(typeof REQUEST_SERVICES)[number], string> = {
  chaotian_talk: 'Chaotian Talk', virtue: 'Virtue', culture: 'Culture for all', customs: 'Changing customs', warmth: 'Warm Chaotian',
  theory: 'Policy talks', tutoring: 'Tutoring', arts: 'Arts', science: 'Science', legal: 'Legal help', health: 'Health and fitness',
  aid: 'Help for the needy', ecology: 'Environment', other: 'Other',
};
export const serviceName = (lang: Lang, s: string) => (lang === 'en' ? SERVICE_EN[s as keyof typeof SERVICE_EN] : REQUEST_SERVICE_NAMES[s as keyof typeof REQUEST_SERVICE_NAMES]) ?? s;
export { REQUEST_SERVICES };

const STATUS: Record<string, [string, string]> = {
  submitted: ['已提交', 'submitted'], dispatched: ['已派单', 'dispatched'], accepted: ['已接单', 'accepted'], done: ['已办结', 'done'], rated: ['已评价', 'rated'],
  declined: ['已拒单', 'declined'], passed_up: ['已上报', 'passed up'], cancelled: ['已取消', 'cancelled'], expired: ['已过期', 'expired'],
};
export const statusName = (lang: Lang, s: string) => STATUS[s]?.[lang === 'en' ? 1 : 0] ?? s;
