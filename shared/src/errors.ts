/**
 * Every 4xx the API returns carries one of these codes, so the mini-program can react to the code
 * and show the message, which is written for the person in front of the screen.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthenticated = 'UNAUTHENTICATED',
  TokenExpired = 'TOKEN_EXPIRED',
  TokenInvalid = 'TOKEN_INVALID',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  WechatSignInFailed = 'WECHAT_SIGN_IN_FAILED',
  DevSignInDisabled = 'DEV_SIGN_IN_DISABLED',
  UnknownDemoPerson = 'UNKNOWN_DEMO_PERSON',
  FederationNotFound = 'FEDERATION_NOT_FOUND',
  HomeMustBeVillage = 'HOME_MUST_BE_VILLAGE',
  FederationInactive = 'FEDERATION_INACTIVE',
  RoleLevelMismatch = 'ROLE_LEVEL_MISMATCH',
  RegionNotFound = 'REGION_NOT_FOUND',
  SiteNotFound = 'SITE_NOT_FOUND',
  CategoryNotFound = 'CATEGORY_NOT_FOUND',
  RequestNotFound = 'REQUEST_NOT_FOUND',
  TransitionNotAllowed = 'TRANSITION_NOT_ALLOWED',
  HomeNotConfirmed = 'HOME_NOT_CONFIRMED',
  ConsentRequired = 'CONSENT_REQUIRED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  NoHandlerFound = 'NO_HANDLER_FOUND',
  DeputyNotFound = 'DEPUTY_NOT_FOUND',
  RatingCodeInvalid = 'RATING_CODE_INVALID',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL',
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: '填写的内容有误，请按提示修改后再提交',
  [ErrorCode.MalformedJson]: '提交的数据格式不对，请刷新页面后重试',
  [ErrorCode.PayloadTooLarge]: '提交的内容太长了，请删减后再试',
  [ErrorCode.Unauthenticated]: '请先登录',
  [ErrorCode.TokenExpired]: '登录已过期，请重新登录',
  [ErrorCode.TokenInvalid]: '登录信息无效，请重新登录',
  [ErrorCode.RefreshTokenInvalid]: '登录已失效，请重新登录',
  [ErrorCode.Forbidden]: '您没有权限查看或修改这项内容',
  [ErrorCode.NotFound]: '没有找到这项内容，它可能已被删除',
  [ErrorCode.RouteNotFound]: '没有这个页面或接口，请检查地址',
  [ErrorCode.Conflict]: '这项内容刚被修改过，请刷新后再试',
  [ErrorCode.RateLimited]: '操作太频繁了，请稍等一会儿再试',
  [ErrorCode.WechatSignInFailed]: '微信登录没有成功，请稍后再试',
  [ErrorCode.DevSignInDisabled]: '体验登录只在开发环境可用',
  [ErrorCode.UnknownDemoPerson]: '没有这个体验账号，请从列表中选择',
  [ErrorCode.FederationNotFound]: '没有找到这个妇联组织，请检查后重试',
  [ErrorCode.HomeMustBeVillage]: '请选择您所在的村或社区',
  [ErrorCode.FederationInactive]: '这个妇联组织暂未开通，请选择其他组织',
  [ErrorCode.RoleLevelMismatch]: '这个职务不能设在这一级妇联组织',
  [ErrorCode.RegionNotFound]: '没有找到这个地区，请检查行政区划代码',
  [ErrorCode.SiteNotFound]: '没有找到这个妇女之家，它可能已经停用',
  [ErrorCode.CategoryNotFound]: '没有这类求助，请从列表中选择',
  [ErrorCode.RequestNotFound]: '没有找到这条求助',
  [ErrorCode.TransitionNotAllowed]: '这条求助现在不能这样办理，请刷新后再看',
  [ErrorCode.HomeNotConfirmed]: '请先确认您所在的村（社区），再提出求助',
  [ErrorCode.ConsentRequired]: '请先阅读并同意个人信息保护说明',
  [ErrorCode.IdempotencyKeyReused]: '您的求助刚才已经发出了，请到“我的求助”查看',
  [ErrorCode.NoHandlerFound]: '暂时没有能受理的妇联组织，请拨打12338妇女维权热线',
  [ErrorCode.DeputyNotFound]: '这位同志不是本村（社区）妇联的副主席，请先为她设置职务',
  [ErrorCode.RatingCodeInvalid]: '评价码不对或已经用过了，请核对后再试',
  [ErrorCode.ServiceUnavailable]: '系统正忙，请稍后再试',
  [ErrorCode.Internal]: '系统出了点问题，请稍后再试',
};

export interface FieldError {
  /** Dotted path of the offending field, e.g. "contact.phone". */
  field: string;
  message: string;
}

export interface ErrorResponse {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  requestId?: string;
}
