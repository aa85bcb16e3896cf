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
  'kz.role_org': {
    zh: '该角色不能加入此类型的机构',
    en: 'This role cannot belong to an organisation of that type',
  },
  'kz.org_choice': {
    zh: '请选择已有机构或填写新机构信息（二选一）',
    en: 'Choose an existing organisation or describe a new one (exactly one)',
  },
  'kz.object_id': { zh: '编号格式不正确', en: 'Malformed id' },
  'kz.identifier': { zh: '请输入邮箱或手机号', en: 'Enter an email address or mobile number' },
};

type Issue = z.core.$ZodIssue;

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
