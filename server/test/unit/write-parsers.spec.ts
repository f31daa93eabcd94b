import fc from 'fast-check';
import { ServiceCategoryKey } from '@wfh/shared';
import { AppException } from '../../src/common/errors/app-exception';
import { createRulesOnlyValidationPipe, createValidationPipe } from '../../src/common/pipes/validation';
import { SignupInputDto } from '../../src/modules/activities/dto';
import { parseSignupInput } from '../../src/modules/activities/signup-input.parser';
import { SubmitRequestDto } from '../../src/modules/requests/dto';
import { parseSubmitRequest } from '../../src/modules/requests/submit-request.parser';

/**
 * The compiled parsers of the two busiest write routes (issue #18) against the DTO rules they stand
 * in for: on every generated body the app's pipe must answer as class-validator alone does, with
 * the same value for the handler or the same Chinese field errors in the same order.
 */
const RULES = createRulesOnlyValidationPipe();
const APP = createValidationPipe();

async function answer(pipe: typeof RULES, metatype: Function, body: unknown): Promise<{ value: unknown } | { fields: unknown }> {
  try {
    // Through JSON, as the handler's value reaches the service's digest and the reply.
    return { value: JSON.parse(JSON.stringify(await pipe.transform(body, { type: 'body', metatype: metatype as never, data: undefined }))) };
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    return { fields: error.fields };
  }
}

/** Usually a value the field accepts, so that the other fields' rules are what is tested. */
const text = fc.oneof(
  fc.constantFrom('家里老人生病，生活有困难', '  ', '\u3000', '', '王秀兰', 'a'.repeat(2001), '𠀀'.repeat(1000), '𠀀'.repeat(2001), '13800000000', '(024) 1234-567', '123', '工作日上午'),
  fc.string({ maxLength: 8 }),
);
const anything = fc.oneof(text, fc.constant(null), fc.boolean(), fc.integer(), fc.constant([]), fc.constant({}), fc.constant([['x']]));
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: anything });

const contact = fc.record(
  {
    method: sometimes(fc.constantFrom('phone', 'wechat', 'visit', 'letter')),
    phone: sometimes(fc.constantFrom('13800000000', '(024) 1234-567', '12', 'abc')),
    safeTimes: sometimes(text),
    toString: fc.constant('x'),
    colour: fc.constant('red'),
  },
  { requiredKeys: [] },
);
const answers = fc.oneof(
  fc.dictionary(fc.constantFrom('difficulty', 'when', 'constructor', 'toString', 'count'), fc.oneof(text, fc.array(text, { maxLength: 2 }), fc.integer(), fc.constant(null), fc.constant({ deep: { deeper: 'x' } }))),
  anything,
);
const submitBody = fc.record(
  {
    categoryKey: sometimes(fc.constantFrom(...Object.values(ServiceCategoryKey), 'massage')),
    description: sometimes(text),
    answers,
    contact: sometimes(contact),
    federationId: sometimes(fc.constantFrom('211221101200', '2112211012', '21122110120x')),
    siteId: sometimes(fc.constantFrom('9b2f9f4e-1f2a-4c3b-8d4e-5f6a7b8c9d0e', 'not-a-uuid')),
    urgent: sometimes(fc.boolean()),
    sensitiveConsent: sometimes(fc.boolean()),
    colour: fc.constant('red'),
    valueOf: fc.constant(1),
  },
  { requiredKeys: [] },
);
/** Usually all the required fields, else most generated bodies only test "please fill in". */
const submitBodies = fc.oneof(
  { weight: 3, arbitrary: submitBody.filter((b) => !('colour' in b) && !('valueOf' in b)).map((b) => ({ categoryKey: 'hardship', description: '生活困难', answers: {}, contact: { method: 'visit' }, federationId: '211221101200', ...b })) },
  { weight: 1, arbitrary: submitBody },
  { weight: 1, arbitrary: anything },
);
const signupBodies = fc.oneof(
  fc.record(
    {
      attendee: sometimes(
        fc.record({ name: sometimes(text), phone: sometimes(fc.constantFrom('13800000000', '12', 'abc')), age: fc.constant(70), constructor: fc.constant('x') }, { requiredKeys: [] }),
      ),
      colour: fc.constant('red'),
    },
    { requiredKeys: [] },
  ),
  anything,
);

describe('the compiled parsers of POST /requests and POST sign-up', () => {
  it('answer every generated request form exactly as SubmitRequestDto rules do', async () => {
    await fc.assert(
      fc.asyncProperty(submitBodies, async (body) => {
        expect(await answer(APP, SubmitRequestDto, body)).toEqual(await answer(RULES, SubmitRequestDto, body));
      }),
      { numRuns: 3000 },
    );
  });

  it('answer every generated sign-up exactly as SignupInputDto rules do', async () => {
    await fc.assert(
      fc.asyncProperty(signupBodies, async (body) => {
        expect(await answer(APP, SignupInputDto, body)).toEqual(await answer(RULES, SignupInputDto, body));
      }),
      { numRuns: 2000 },
    );
  });

  it('take the well-formed forms themselves, leaving only the rest to the rules', async () => {
    const form = { categoryKey: 'hardship', description: '家里老人生病', answers: { difficulty: '看病困难' }, contact: { method: 'phone', phone: '13800000000' }, federationId: '211221101200' };
    expect(parseSubmitRequest(form)).toEqual({ value: form });
    expect(parseSignupInput({})).toEqual({ value: {} });
    expect(parseSignupInput({ attendee: { name: '王秀兰', phone: '13800000000' } })).toEqual({ value: { attendee: { name: '王秀兰', phone: '13800000000' } } });
    expect(parseSubmitRequest({ ...form, description: '   ' })).toBeNull();
    expect(await answer(APP, SubmitRequestDto, { ...form, description: '   ' })).toEqual({ fields: [{ field: 'description', message: '“description”不能为空，请填写内容' }] });
  });
});
