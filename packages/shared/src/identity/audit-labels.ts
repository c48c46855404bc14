/**
 * What the audit trail's codes mean, in both languages: one catalogue for the audit page and
 * the audit export (which must show labels, not codes). An action is `<record prefix>.<verb>`.
 */

/** Actions by code (e.g. `hotline_item.answer`). */
export const AUDIT_ACTIONS: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Logged in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.logout': { zh: '退出登录', en: 'Logged out' },
  'account.create': { zh: '开通账号', en: 'Account opened' },
  'account.create_admin': { zh: '创建管理员账号', en: 'Administrator account created' },
  'account.update': { zh: '修改账号', en: 'Account changed' },
  'account.password_changed': { zh: '修改密码', en: 'Password changed' },
  'org_unit.create': { zh: '新增单位', en: 'Unit added' },
  'org_unit.update': { zh: '修改单位', en: 'Unit changed' },
  'org_unit.move': { zh: '调整隶属关系', en: 'Unit moved' },
  'org_unit.dissolve': { zh: '撤销单位', en: 'Unit dissolved' },
  'org_unit_type.create': { zh: '新增单位类型', en: 'Unit type added' },
  'person.create': { zh: '新增人员', en: 'Person added' },
  'person.update': { zh: '修改人员', en: 'Person changed' },
  'person.export': { zh: '导出人员名单', en: 'Roster exported' },
  'person.id_card_read': { zh: '查看身份证号', en: 'ID-card number viewed' },
  'person_import.upload': { zh: '上传导入文件', en: 'Import file uploaded' },
  'person_import.confirm': { zh: '确认导入', en: 'Import confirmed' },
  'person_import.apply': { zh: '完成导入', en: 'Import completed' },
  'person_import.failed': { zh: '导入失败', en: 'Import failed' },
  'role.assign': { zh: '分配角色', en: 'Role assigned' },
  'role.revoke': { zh: '结束角色', en: 'Role ended' },
  'demo.seed': { zh: '生成演示数据', en: 'Demo data created' },
  'audit.reveal': { zh: '查看敏感事件涉及的人员', en: 'Revealed the people behind sensitive events' },
  'assessment_result.create': { zh: '保存自评结果', en: 'Kept a self-assessment result' },
  'assessment_result.erase': { zh: '删除自评结果', en: 'Erased a self-assessment result' },
  'assessment_result.expire': { zh: '到期删除自评结果', en: 'Erased expired results' },
  'assessment_consent.grant': { zh: '同意保存自评结果', en: 'Consented to keep results' },
  'assessment_consent.withdraw': { zh: '撤回同意', en: 'Withdrew consent' },
  'assessment_share.create': { zh: '与教练分享结果', en: 'Shared results with a coach' },
  'assessment_share.revoke': { zh: '取消分享', en: 'Stopped sharing' },
  'assessment_data.erase': { zh: '删除全部心理数据', en: 'Erased all wellbeing data' },
  'assessment_scale.upload': { zh: '上传量表', en: 'Uploaded a scale' },
  'assessment_scale.retire': { zh: '停用量表', en: 'Retired a scale' },
  'consultation.request': { zh: '发起心理咨询', en: 'Asked for a consultation' },
  'consultation.book': { zh: '预约咨询', en: 'Booked a consultation' },
  'consultation.decline': { zh: '婉拒咨询', en: 'Declined a consultation' },
  'consultation.cancel': { zh: '取消咨询', en: 'Cancelled a consultation' },
  'consultation.close': { zh: '结束咨询', en: 'Closed a consultation' },
  'consultation.note': { zh: '记录随访', en: 'Wrote a follow-up note' },
};

/** Record types by code (e.g. `innovation_project`). */
export const AUDIT_RECORD_TYPES: Record<string, { zh: string; en: string }> = {
  person: { zh: '人员', en: 'Person' },
  account: { zh: '账号', en: 'Account' },
  org_unit: { zh: '单位', en: 'Unit' },
  org_unit_type: { zh: '单位类型', en: 'Unit type' },
  role_assignment: { zh: '角色分配', en: 'Role assignment' },
  person_import: { zh: '人员导入', en: 'Roster import' },
  installation: { zh: '系统', en: 'System' },
  assessment_result: { zh: '自评结果', en: 'Self-assessment result' },
  assessment_consent: { zh: '自评同意', en: 'Self-assessment consent' },
  assessment_share: { zh: '结果分享', en: 'Share of results' },
  assessment_scale: { zh: '量表', en: 'Scale' },
  consultation: { zh: '心理咨询', en: 'Consultation' },
  audit_event: { zh: '审计日志', en: 'Audit trail' },
  hotline_item: { zh: '快线事项', en: 'Hotline item' },
  innovation_project: { zh: '创新课题', en: 'Innovation project' },
};

/** Changed fields by name (e.g. `employeeNo`). */
export const AUDIT_FIELDS: Record<string, { zh: string; en: string }> = {
  employeeNo: { zh: '工号', en: 'Employee no.' },
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  idCard: { zh: '身份证号', en: 'ID-card number' },
  phone: { zh: '手机号', en: 'Mobile phone' },
  unitId: { zh: '所属单位', en: 'Unit' },
  politicalStatus: { zh: '政治面貌', en: 'Political status' },
  partyJoinedOn: { zh: '入党日期', en: 'Joined the Party' },
  partyFullMemberOn: { zh: '转正日期', en: 'Full membership' },
  positions: { zh: '职务', en: 'Positions' },
  cadreRank: { zh: '干部级别', en: 'Cadre rank' },
  education: { zh: '学历', en: 'Education' },
  employmentStatus: { zh: '人员状态', en: 'Employment' },
  shortName: { zh: '简称', en: 'Short name' },
  code: { zh: '编码', en: 'Code' },
  type: { zh: '类型', en: 'Type' },
  sortOrder: { zh: '排序号', en: 'Sort number' },
  establishedOn: { zh: '成立日期', en: 'Established on' },
  dissolvedOn: { zh: '撤销日期', en: 'Dissolved on' },
  parentId: { zh: '上级单位', en: 'Parent unit' },
  password: { zh: '密码', en: 'Password' },
  disabled: { zh: '停用', en: 'Disabled' },
  locked: { zh: '锁定', en: 'Locked' },
};

/** The label of a code in a language, or the code itself when the catalogue has none. */
export function auditLabel(
  catalogue: Record<string, { zh: string; en: string }>,
  code: string,
  lang: 'zh' | 'en' = 'zh',
): string {
  const entry = Object.hasOwn(catalogue, code) ? catalogue[code] : undefined;
  return entry ? entry[lang] : code;
}
