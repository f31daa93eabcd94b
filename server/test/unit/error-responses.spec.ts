import { HttpException, NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@wfh/shared';
import { badRequest } from '../../src/common/errors/app-exception';
import { toErrorReply } from '../../src/common/filters/error-responses';
import { fieldErrorsOf } from '../../src/common/pipes/validation';

describe('toErrorReply', () => {
  it('keeps our own errors as they are', () => {
    const reply = toErrorReply(badRequest(ErrorCode.ValidationFailed, [{ field: 'phone', message: '“phone”的格式不对' }]));
    expect(reply.status).toBe(400);
    expect(reply.body.fields).toEqual([{ field: 'phone', message: '“phone”的格式不对' }]);
  });

  it('turns an unknown error into a calm 500 that leaks nothing and is logged', () => {
    const reply = toErrorReply(new TypeError("Cannot read properties of undefined (reading 'secret_column')"));
    expect(reply).toEqual({ status: 500, body: { code: ErrorCode.Internal, message: '系统出了点问题，请稍后再试' }, unexpected: true });
  });

  it('turns a lost database connection into 503, so clients retry', () => {
    const reply = toErrorReply(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }));
    expect(reply.status).toBe(503);
    expect(reply.body.code).toBe(ErrorCode.ServiceUnavailable);
  });

  it('answers 503 for every way a database restart shows up: shutdown, a killed connection, a full pool', () => {
    const queryFailed = (driverError: object) => Object.assign(new Error('query failed'), { driverError });
    for (const error of [
      queryFailed({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 }),
      queryFailed({ code: 'ER_CONNECTION_KILLED', errno: 1927 }),
      Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true }),
      Object.assign(new Error('no database connection within 3000 ms'), { code: 'POOL_ACQUIRE_TIMEOUT' }),
    ]) {
      expect(toErrorReply(error)).toMatchObject({ status: 503, body: { code: ErrorCode.ServiceUnavailable, message: '系统正忙，请稍后再试' } });
    }
    // A query the database refused on its own account is the server's bug, not an outage.
    expect(toErrorReply(queryFailed({ code: 'ER_PARSE_ERROR', errno: 1064 })).status).toBe(500);
  });

  it('replaces Nest and Fastify English texts with codes and Chinese messages', () => {
    expect(toErrorReply(new NotFoundException('Cannot GET /x')).body).toEqual({ code: ErrorCode.RouteNotFound, message: '没有这个页面或接口，请检查地址' });
    const tooLarge = new HttpException('Request body is too large', 413, { cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }) });
    expect(toErrorReply(tooLarge)).toMatchObject({ status: 413, body: { code: ErrorCode.PayloadTooLarge } });
  });
});

describe('fieldErrorsOf', () => {
  it('names nested fields and explains each failed rule in Chinese', () => {
    const fields = fieldErrorsOf([
      { property: 'x', constraints: { whitelistValidation: 'property x should not exist' }, children: [] },
      { property: 'contact', children: [{ property: 'phone', value: '12', constraints: { matches: 'phone must match' }, children: [] }] },
    ]);
    expect(fields).toEqual([
      { field: 'x', message: '不认识的字段“x”，请删除后再提交' },
      { field: 'contact.phone', message: '“contact.phone”的格式不对' },
    ]);
  });

  it('says one thing for a field left out or null, and only the kind of value when that is wrong', () => {
    const fields = fieldErrorsOf([
      { property: 'title', value: undefined, constraints: { isString: 'x', notBlank: 'x', maxLength: 'x' }, children: [] },
      { property: 'reason', value: null, constraints: { isString: 'x', notBlank: 'x', maxLength: 'x' }, children: [] },
      { property: 'note', value: null, constraints: { notNull: 'x', isString: 'x', maxLength: 'x' }, children: [] },
      { property: 'capacity', value: '5', constraints: { isInt: 'x', min: 'x', max: 'x' }, children: [] },
      { property: 'phone', value: '12', constraints: { matches: 'x', maxLength: 'x' }, children: [] },
      { property: 'confirm', value: undefined, constraints: { equals: '请先确认您已了解注销后删除和保留的内容' }, children: [] },
    ]);
    expect(fields).toEqual([
      { field: 'title', message: '请填写“title”' },
      { field: 'reason', message: '请填写“reason”' },
      { field: 'note', message: '“note”不能为空值（null）；不需要时请不传这个字段' },
      { field: 'capacity', message: '“capacity”应当是整数' },
      { field: 'phone', message: '“phone”的格式不对' },
      { field: 'phone', message: '“phone”太长了，请删减' },
      { field: 'confirm', message: '请先确认您已了解注销后删除和保留的内容' },
    ]);
  });
});
