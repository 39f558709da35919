import type { FieldSpec } from './column-mapping.ts';

/** Columns of a site register: our field, then the headers that usually mean it. */
export const SITE_FIELDS: FieldSpec[] = [
  { field: 'id', aliases: ['站点ID', '站点id', 'id', 'site id', 'siteId'] },
  { field: 'code', aliases: ['编码', '编号', '站点编码', '站点编号', '阵地编码', '代码', 'code'] },
  { field: 'name', aliases: ['名称', '站点名称', '阵地名称', '实践站名称', '站所名称', 'name', 'site name', 'site'] },
  { field: 'kind', aliases: ['类型', '阵地类型', '站点类型', '类别', '层级', 'kind', 'type', 'category'] },
  { field: 'township', aliases: ['乡镇', '镇乡', '乡镇(街道)', '所属乡镇', '乡镇名称', '镇', 'township', 'town'] },
  { field: 'village', aliases: ['村', '社区', '村(社区)', '村/社区', '村社区', '村(居)', '所属村', '所属村(社区)', '村名', 'village', 'community'] },
  { field: 'lng', aliases: ['经度', 'lng', 'lon', 'long', 'longitude', 'x'] },
  { field: 'lat', aliases: ['纬度', 'lat', 'latitude', 'y'] },
  { field: 'precision', aliases: ['位置精度', '坐标精度', '精度', 'precision', 'locationPrecision', 'location precision'] },
  { field: 'address', aliases: ['地址', '详细地址', '位置', 'address'] },
  { field: 'contact', aliases: ['联系人', '负责人', 'contact'] },
  { field: 'phone', aliases: ['电话', '联系电话', '手机', '手机号', 'phone', 'tel', 'telephone'] },
  { field: 'openingHours', aliases: ['开放时间', '开放时段', '服务时间', '办公时间', 'openingHours', 'opening hours', 'hours'] },
  { field: 'demonstration', aliases: ['是否示范', '示范', '示范点', '是否示范点', 'demonstration', 'demo'] },
  { field: 'hasSign', aliases: ['有标识', '有无标识', '是否有标识', 'hasSign', 'has sign', 'has_sign', 'sign'] },
  { field: 'hasStaff', aliases: ['有人员', '有无人员', '是否有人员', 'hasStaff', 'has staff', 'has_staff', 'staff'] },
  { field: 'hasActivities', aliases: ['有活动', '有无活动', '是否有活动', 'hasActivities', 'has activities', 'has_activities', 'activities'] },
  { field: 'hasProjects', aliases: ['有项目', '有无项目', '是否有项目', 'hasProjects', 'has projects', 'has_projects', 'projects'] },
  { field: 'hasRules', aliases: ['有制度', '有无制度', '是否有制度', 'hasRules', 'has rules', 'has_rules', 'rules'] },
  { field: 'status', aliases: ['状态', '建设状态', 'status'] },
  { field: 'notes', aliases: ['备注', '说明', 'notes', 'note', 'remarks'] },
];

/** Chinese labels of our fields (for messages and exports). */
export const SITE_FIELD_LABELS: Record<string, string> = {
  id: '站点ID', code: '编码', name: '名称', kind: '类型', township: '乡镇', village: '村（社区）', lng: '经度', lat: '纬度', precision: '位置精度',
  address: '地址', contact: '联系人', phone: '联系电话', openingHours: '开放时间', demonstration: '是否示范', hasSign: '有标识', hasStaff: '有人员',
  hasActivities: '有活动', hasProjects: '有项目', hasRules: '有制度', status: '状态', notes: '备注',
};
