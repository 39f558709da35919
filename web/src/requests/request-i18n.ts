import { REQUEST_SERVICES, REQUEST_SERVICE_NAMES } from '../../../api/src/schemas/requests';

/** The words of the service-request pages (resident form, tracking, inbox), zh-CN and English. */
const ZH = {
  'req.title': '我要点单', 'req.intro': '请选择服务，简单描述需求，留下联系人和电话。无需注册；提交后会给您一个查询码，用来查看进度和评价。',
  'req.service': '服务', 'req.description': '需求描述', 'req.name': '联系人', 'req.phone': '电话', 'req.place': '地点',
  'req.placeNone': '请先在上方选择地点：点地图、定位或搜索村（社区）。', 'req.placePoint': '地图上的位置', 'req.placeVillage': '村（社区）：{name}（大致位置）',
  'req.submit': '提交', 'req.sending': '提交中…', 'req.done': '已提交。您的查询码：', 'req.keep': '请记下查询码，或保存此链接：',
  'req.routed': '已派给：{site}', 'req.outside': '该地点不在任何15分钟服务圈内，已交乡镇实践所处理。',
  'req.approx': '地点是大致位置（按村），不判断是否在服务圈内；已交本村实践站或乡镇实践所。',
  'track.title': '查询进度', 'track.code': '查询码', 'track.go': '查询', 'track.status': '状态', 'track.site': '负责阵地', 'track.team': '服务队伍',
  'track.rate': '评价', 'track.stars': '星级', 'track.comment': '留言', 'track.send': '提交评价', 'track.thanks': '谢谢您的评价。',
  'track.note': '完成说明', 'track.due': '时限', 'track.overdue': '已超时',
  'inbox.title': '点单收件箱', 'inbox.empty': '暂无点单。', 'inbox.status': '状态', 'inbox.all': '全部', 'inbox.team': '服务队伍', 'inbox.dispatch': '派单',
  'inbox.accept': '接单', 'inbox.decline': '拒单', 'inbox.doneBtn': '办结', 'inbox.passUp': '上报', 'inbox.cancel': '取消', 'inbox.reason': '请填写原因',
  'inbox.note': '办结说明', 'inbox.contact': '联系人', 'inbox.outside': '圈外', 'inbox.approx': '大致位置', 'inbox.stats': '各乡镇月度统计',
  'inbox.requests': '点单', 'inbox.doneCount': '办结', 'inbox.stars': '平均评分', 'inbox.overdueCount': '超时', 'inbox.outsideCount': '圈外',
  'inbox.showOnMap': '在地图上显示点单',
} as const;
type Key = keyof typeof ZH;
const EN: Record<Key, string> = {
  'req.title': 'Ask for a service', 'req.intro': 'Choose a service, describe what you need, and leave a contact name and phone. No account needed; you get a tracking code to follow and rate it.',
  'req.service': 'Service', 'req.description': 'What you need', 'req.name': 'Contact name', 'req.phone': 'Phone', 'req.place': 'Place',
  'req.placeNone': 'Choose the place above first: tap the map, use your location or search a village.', 'req.placePoint': 'The point on the map', 'req.placeVillage': 'Village: {name} (approximate)',
  'req.submit': 'Submit', 'req.sending': 'Sending…', 'req.done': 'Submitted. Your tracking code:', 'req.keep': 'Keep the code, or save this link:',
  'req.routed': 'Sent to: {site}', 'req.outside': 'This place is outside every 15-minute circle; the township institute handles it.',
  'req.approx': 'The place is approximate (a village): no inside/outside verdict; sent to the village station or township institute.',
  'track.title': 'Follow a request', 'track.code': 'Tracking code', 'track.go': 'Look up', 'track.status': 'Status', 'track.site': 'Site', 'track.team': 'Team',
  'track.rate': 'Rate it', 'track.stars': 'Stars', 'track.comment': 'Comment', 'track.send': 'Send rating', 'track.thanks': 'Thank you for your rating.',
  'track.note': 'Note', 'track.due': 'Due', 'track.overdue': 'overdue',
  'inbox.title': 'Request inbox', 'inbox.empty': 'No requests.', 'inbox.status': 'Status', 'inbox.all': 'All', 'inbox.team': 'Team', 'inbox.dispatch': 'Dispatch',
  'inbox.accept': 'Accept', 'inbox.decline': 'Decline', 'inbox.doneBtn': 'Done', 'inbox.passUp': 'Pass up', 'inbox.cancel': 'Cancel', 'inbox.reason': 'Give the reason',
  'inbox.note': 'Note on completion', 'inbox.contact': 'Contact', 'inbox.outside': 'outside circle', 'inbox.approx': 'approximate', 'inbox.stats': 'Monthly statistics per township',
  'inbox.requests': 'Requests', 'inbox.doneCount': 'Done', 'inbox.stars': 'Avg. stars', 'inbox.overdueCount': 'Overdue', 'inbox.outsideCount': 'Outside',
  'inbox.showOnMap': 'Show requests on the map',
};

export type Lang = 'zh' | 'en';
export function rt(lang: Lang, key: Key, vars: Record<string, string> = {}): string {
  let s: string = lang === 'en' ? EN[key] : ZH[key];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
  return s;
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
