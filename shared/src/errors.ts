/** Error codes the API can answer with, and their messages in both languages. */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'The request has invalid fields' },
  BAD_REQUEST: { status: 400, zh: '请求无法处理', en: 'The request could not be processed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  CSRF_INVALID: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '找不到该资源', en: 'Not found' },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  RATE_LIMITED: { status: 429, zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  INVALID_STATE: { status: 409, zh: '当前状态下不能执行此操作', en: 'Not possible in the current state' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '该地址不支持此请求方法', en: 'This method is not allowed on this path' },
  SLOT_TAKEN: { status: 409, zh: '该时段已被他人预约或正在等待确认，请选择其他时段', en: 'This slot has already been booked or is awaiting confirmation; choose another slot' },
  ACCOUNT_DISABLED: { status: 403, zh: '该账号已被管理员停用', en: 'This account has been disabled by an administrator' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** One invalid field: dotted path, machine code and messages in both languages. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

/** The body of every error response: `{ error: ApiErrorBody }`. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  messageEn: string;
  fields?: FieldError[];
}
