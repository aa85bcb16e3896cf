import type { z } from 'zod';
import type { FieldError } from '../errors';

/** Messages for our own refinements: schemas put the key in `message`, this table words it. */
export const CUSTOM_MESSAGES: Record<string, { zh: string; en: string }> = {
  'kz.mobile': { zh: '请输入11位中国大陆手机号', en: 'Enter an 11-digit mainland China mobile number' },
  'kz.uscc': { zh: '统一社会信用代码格式或校验位不正确', en: 'Invalid unified social credit code (format or check character)' },
  'kz.password_weak': {
    zh: '密码需同时包含字母和数字',
    en: 'The password must contain both letters and digits',
  },
  'kz.password_same': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'kz.reset_code': { zh: '请输入6位数字验证码', en: 'Enter the 6-digit code' },
  'kz.role_org': {
    zh: '该角色不能加入此类型的机构',
    en: 'This role cannot belong to an organisation of that type',
  },
  'kz.org_choice': {
    zh: '请选择已有机构或填写新机构信息（二选一）',
    en: 'Choose an existing organisation or describe a new one (exactly one)',
  },
  'kz.funding_range': { zh: '资助上限不能低于下限', en: 'The funding maximum must not be below the minimum' },
  'kz.total_budget': { zh: '总预算不能低于单项资助上限', en: 'The total budget must not be below the funding maximum per project' },
  'kz.call_dates': { zh: '截止日期须晚于开始日期', en: 'The close date must be after the open date' },
  'kz.criteria_weights': { zh: '评审指标权重合计须为 100', en: 'The review criteria weights must add up to 100' },
  'kz.object_id': { zh: '编号格式不正确', en: 'Malformed id' },
  'kz.feedback_reason': { zh: '请选择不合适的原因', en: 'Choose why it is not a fit' },
  'kz.identifier': { zh: '请输入邮箱或手机号', en: 'Enter an email address or mobile number' },
  'kz.phone': { zh: '请输入手机号或带区号的固定电话（如 0431-85166666）', en: 'Enter a mobile number or a landline with area code (e.g. 0431-85166666)' },
  'kz.price_choice': { zh: '请填写价格或选择“面议”（二选一）', en: 'Give a price or choose negotiable (exactly one)' },
  'kz.budget_choice': { zh: '请填写预算范围或选择“面议”（二选一）', en: 'Give a budget range or choose negotiable (exactly one)' },
  'kz.budget_range': { zh: '预算上限不能低于下限', en: 'The budget maximum must not be below the minimum' },
  'kz.deadline_past': { zh: '期望完成时间不能早于今天', en: 'The deadline must not be in the past' },
  'kz.trl_maturity': { zh: '技术就绪度（TRL）与所选成熟度不符', en: 'The TRL does not match the chosen maturity' },
  'kz.ip_number_required': { zh: '请填写申请号、专利号或登记号', en: 'Enter the application, patent or registration number' },
  'kz.ip_number': {
    zh: '编号格式或校验位不正确（专利如 ZL201710601862.3，软件著作权如 2019SR0123456）',
    en: 'Invalid number or check character (patents like ZL201710601862.3, software like 2019SR0123456)',
  },
  'kz.ip_number_type': { zh: '专利号的类型位与所选专利类型不符', en: 'The patent number is not of the chosen patent type' },
  'kz.ip_number_not_allowed': { zh: '技术秘密无需填写编号', en: 'Know-how has no number' },
  'kz.ip_status': {
    zh: '知识产权状态不正确：专利、软著等应为申请中或已授权（ZL 号为已授权），技术秘密为“无”',
    en: 'Invalid status: patents and registrations are pending or granted (ZL numbers are granted); know-how is "none"',
  },
  'kz.return_reason': { zh: '退回时请填写原因，申请人将看到该原因', en: 'Give a reason when sending a listing back; the owner will read it' },
  'kz.empty_update': { zh: '没有要修改的内容', en: 'Nothing to change' },
  'kz.filename': { zh: '文件名不能包含路径或特殊字符', en: 'The file name must not contain a path or special characters' },
  'kz.attachment_type': { zh: '仅支持 PDF、DOCX、XLSX、PNG、JPG 文件', en: 'Only PDF, DOCX, XLSX, PNG and JPG files are accepted' },
  'kz.attachment_empty': { zh: '文件内容为空', en: 'The file is empty' },
  'kz.transfer_same': { zh: '转交对象不能是同一人', en: 'Choose a different member to transfer to' },
  'kz.email_domain': { zh: '请输入邮箱域名，例如 jlu.edu.cn', en: 'Enter an email domain such as jlu.edu.cn' },
  'kz.evidence_type': { zh: '仅支持 PDF、JPG、PNG 文件', en: 'Only PDF, JPG and PNG files are accepted' },
  // Pairing (双千): commissioner applications and enterprise service requests.
  'kz.county_code': { zh: '请选择吉林省的县（市、区）', en: 'Choose a county-level division of Jilin' },
  'kz.county_city': { zh: '所选县（市、区）不属于所选市（州）', en: 'The county is not in the chosen city' },
  'kz.serve_region': { zh: '请至少选择一个可服务的市（州）或县（市、区）', en: 'Choose at least one city or county you can serve' },
  'kz.preferred_excluded': { zh: '同一位特派员不能既是希望的又是排除的', en: 'A commissioner cannot be both preferred and excluded' },
  'kz.commissioner_term': { zh: '只能申请今年或明年的服务期', en: 'Apply for this year or next year only' },
  'kz.stake_org': { zh: '利益关联单位须为平台上的企业', en: 'Declared stakes must be enterprises on the platform' },
  'kz.commissioner_ref': { zh: '须为本服务期已批准的科技特派员', en: 'Must be an approved commissioner of a current term' },
  'kz.pairing_weight': { zh: '权重须为 0–100 的整数', en: 'A weight is a whole number from 0 to 100' },
  'kz.pairing_weights_zero': { zh: '至少一项权重须大于 0', en: 'At least one weight must be above 0' },
  'kz.decline_reason': { zh: '谢绝时请说明理由', en: 'Give a reason when declining' },
  // Service of a pairing (双千).
  'kz.service_date': { zh: '日期格式须为 YYYY-MM-DD', en: 'A date is written YYYY-MM-DD' },
  'kz.service_dates_order': { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'kz.service_hours': { zh: '工时须为 0.5–24 小时，以半小时计', en: 'Hours are from 0.5 to 24, in half hours' },
  'kz.dispute_reason': { zh: '提出异议时请说明理由', en: 'Give a reason when disputing' },
  'kz.service_rating': { zh: '评分须为 1–5 的整数', en: 'A rating is a whole number from 1 to 5' },
  // Deal rooms.
  'kz.deal_reason': { zh: '终止洽谈时请选择原因', en: 'Choose a reason when terminating the deal' },
  'kz.deal_client_id': { zh: '消息编号须为 8–64 位字母、数字、- 或 _', en: 'A message id is 8–64 letters, digits, - or _' },
  'kz.deal_cursor': { zh: '只能指定 before 或 after 之一', en: 'Give either before or after, not both' },
  // Plan targets (规划目标).
  'kz.plan_year': { zh: '年份须为 2000–2100 的整数', en: 'A year is a whole number from 2000 to 2100' },
  'kz.plan_code': { zh: '规划代码须为 3–40 位小写字母、数字或连字符', en: 'A plan code is 3–40 lowercase letters, digits or dashes' },
  'kz.plan_target_key': { zh: '指标代码须以小写字母开头，2–40 位小写字母、数字或下划线', en: 'A target key starts with a lowercase letter: 2–40 lowercase letters, digits or underscores' },
  'kz.plan_counter': { zh: '计数器名称须为小写字母、数字、点或下划线', en: 'A counter name is lowercase letters, digits, dots or underscores' },
  'kz.plan_target': { zh: '目标值须为 1–1000000 的整数', en: 'A target is a whole number from 1 to 1,000,000' },
  'kz.plan_targets': { zh: '规划须有 1–40 项指标', en: 'A plan has 1 to 40 targets' },
  'kz.plan_period': { zh: '结束年份不能早于开始年份，期限最长 20 年', en: 'The end year cannot be before the start year; 20 years at most' },
  'kz.plan_target_keys': { zh: '指标代码不能重复', en: 'Target keys must be unique' },
  'kz.plan_count': { zh: '数量须为 0–100000 的整数', en: 'A count is a whole number from 0 to 100,000' },
  'kz.plan_evidence_url': { zh: '佐证链接须为 http(s) 网址', en: 'The evidence link must be an http(s) URL' },
  // Technology contracts of deal rooms.
  'kz.contract_amount_positive': { zh: '金额须大于 0', en: 'The amount must be above 0' },
  'kz.contract_amount_cents': { zh: '金额最多保留两位小数（分）', en: 'An amount has at most two decimals' },
  'kz.contract_reg_number': { zh: '登记编号须为 6–40 位字母、数字或连字符', en: 'A registration number is 6–40 letters, digits or dashes' },
  'kz.contract_date': { zh: '日期须在 2000 年之后且不晚于今天', en: 'The date must be after 2000 and not in the future' },
  'kz.contract_payment_text': { zh: '分期或提成支付请写明支付安排', en: 'Describe the instalments or royalty' },
  // The institutions' transformation index.
  'kz.index_weight': { zh: '权重须为 0–100 的整数', en: 'A weight is a whole number from 0 to 100' },
  'kz.index_weights_sum': { zh: '各项权重之和须为 100', en: 'The weights must add up to 100' },
  // Intermediary services.
  'kz.price_range': { zh: '最高价不能低于最低价', en: 'The maximum price cannot be below the minimum' },
  // Financing.
  'kz.amount_range': { zh: '上限不能低于下限', en: 'The maximum cannot be below the minimum' },
  'kz.one_link': { zh: '只能关联一项成果、需求或洽谈', en: 'Link at most one result, need or deal' },
  // Instruments.
  'kz.clock_time': { zh: '请填写整点或半点时间（如 08:30）', en: 'Enter a time on the hour or half hour (e.g. 08:30)' },
  'kz.time_order': { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
  // Carriers.
  'kz.date': { zh: '请填写日期（YYYY-MM-DD）', en: 'Enter a date (YYYY-MM-DD)' },
  'kz.carrier_figure': { zh: '该类载体的年度报告不含此项指标', en: 'This figure is not part of this carrier type’s yearly report' },
  'kz.opening_overlap': { zh: '同一天的开放时段不能重叠', en: 'Opening windows of one day must not overlap' },
  // Instrument bookings.
  'kz.datetime': { zh: '时间格式须为 ISO 8601（如 2026-05-01T09:00:00+08:00）', en: 'A time is written in ISO 8601 (e.g. 2026-05-01T09:00:00+08:00)' },
};

type Issue = z.core.$ZodIssue;

/**
 * Fields filled from a list (a select, checkboxes): what the person has to choose, so an error
 * says "请选择应用行业" instead of reciting the code table. Keyed by the field's own name (the last
 * path segment that is not an index).
 */
export const SELECT_FIELDS: Record<string, { zh: string; en: string }> = {
  industry: { zh: '应用行业', en: 'the application industry' },
  discipline: { zh: '学科领域', en: 'the discipline' },
  maturity: { zh: '成熟度', en: 'the maturity' },
  transferModes: { zh: '转化方式', en: 'the transfer modes' },
  cooperationModes: { zh: '合作方式', en: 'the cooperation modes' },
  confidentiality: { zh: '公开程度', en: 'the confidentiality' },
  city: { zh: '所在市（州）', en: 'the city' },
  status: { zh: '状态', en: 'the status' },
  type: { zh: '类型', en: 'the type' },
  role: { zh: '角色', en: 'the role' },
  kind: { zh: '类别', en: 'the kind' },
  decision: { zh: '审核结果', en: 'the decision' },
  reason: { zh: '原因', en: 'a reason' },
  locale: { zh: '语言', en: 'the language' },
};

/** Enums longer than this are never listed in a message (nobody reads 97 industry codes). */
const LISTABLE_VALUES = 6;

function selectField(issue: Issue): { zh: string; en: string } | undefined {
  const name = [...issue.path].reverse().find((p) => typeof p === 'string');
  return typeof name === 'string' && Object.hasOwn(SELECT_FIELDS, name) ? SELECT_FIELDS[name] : undefined;
}

function sizeWords(issue: Issue & { origin?: string }): { zh: string; en: string } {
  switch (issue.origin) {
    case 'string':
      return { zh: '个字符', en: 'characters' };
    case 'array':
    case 'set':
      return { zh: '项', en: 'items' };
    case 'number':
    case 'int':
    case 'bigint':
    case 'date':
    case 'file':
    case undefined:
      return { zh: '', en: '' };
    default:
      return { zh: '', en: '' };
  }
}

/** Words a zod issue in Chinese and English. */
export function describeIssue(issue: Issue): { zh: string; en: string } {
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) {
    return custom;
  }
  const select = issue.code === 'invalid_value' || (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) ? selectField(issue) : undefined;
  if (select) {
    return { zh: `请选择${select.zh}`, en: `Choose ${select.en}` };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return { zh: '此项必填', en: 'Required' };
      }
      return { zh: `类型不正确，应为 ${issue.expected}`, en: `Expected ${issue.expected}` };
    case 'too_small': {
      const w = sizeWords(issue);
      const min = String(issue.minimum);
      if (issue.origin === 'string' && issue.minimum === 1) {
        return { zh: '此项不能为空', en: 'Must not be empty' };
      }
      return { zh: `不能少于 ${min} ${w.zh}`.trim(), en: `Must be at least ${min} ${w.en}`.trim() };
    }
    case 'too_big': {
      const w = sizeWords(issue);
      const max = String(issue.maximum);
      return { zh: `不能超过 ${max} ${w.zh}`.trim(), en: `Must be at most ${max} ${w.en}`.trim() };
    }
    case 'invalid_format':
      if (issue.format === 'email') {
        return { zh: '邮箱格式不正确', en: 'Invalid email address' };
      }
      return { zh: '格式不正确', en: 'Invalid format' };
    case 'invalid_value':
      if (issue.values.length > LISTABLE_VALUES) {
        return { zh: '取值无效，请从列表中选择', en: 'Invalid value; choose one from the list' };
      }
      return {
        zh: `取值无效，可选：${issue.values.map(String).join('、')}`,
        en: `Invalid value; expected one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return {
        zh: `不允许的字段：${issue.keys.join('、')}`,
        en: `Unrecognised field(s): ${issue.keys.join(', ')}`,
      };
    case 'invalid_union':
      return { zh: '取值无效', en: 'Invalid value' };
    case 'not_multiple_of':
      return { zh: `必须是 ${String(issue.divisor)} 的倍数`, en: `Must be a multiple of ${String(issue.divisor)}` };
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return { zh: '取值无效', en: issue.message || 'Invalid value' };
  }
}

/** Turns zod issues into field errors; `prefix` names where the input came from (body, query, params). */
export function toFieldErrors(issues: readonly Issue[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const words = describeIssue(issue);
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, code: issue.code, message: words.zh, messageEn: words.en };
  });
}
