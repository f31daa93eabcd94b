import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  ErrorCode,
  formatRatingCode,
  RATING_CODE_DIGITS,
  ON_BEHALF_SOURCE_LABELS,
  PHONE_MESSAGE,
  REQUEST_LIMITS,
  type ContactMethod,
  type OnBehalfCreated,
  type OnBehalfSource,
  type ServiceCategory,
  type ServiceCategoryKey,
  type SubmitOnBehalfInput,
} from '@wfh/shared';
import { ApiError, showError, submitOnBehalf } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { newIdempotencyKey, outcomeUnknown } from '../../../utils/idempotency';
import { tooLongProblems, useFormCheck } from '../../../hooks/useFormCheck';
import { answersOf, formProblems, PHONE_PATTERN, type DraftAnswers, type FormProblem } from '../../../utils/requests';
import { Routes } from '../../../utils/routes';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors, QuestionField, TextArea, TextField } from '../../requests/components/FormParts';

const SOURCE_OPTIONS = (Object.keys(ON_BEHALF_SOURCE_LABELS) as OnBehalfSource[]).map(
  (source) => [source, ON_BEHALF_SOURCE_LABELS[source]] as const,
);

const CONTACT_OPTIONS: ReadonlyArray<readonly [ContactMethod, string]> = [
  ['phone', '打电话'],
  ['wechat', '微信'],
  ['visit', '上门'],
];

/** The server's names for the fields, as this form's draft calls them. */
const ON_BEHALF_FIELDS: Record<string, string> = { 'contact.safeTimes': 'safeTimes', 'contact.phone': 'womanPhone', categoryKey: 'category' };

interface Draft {
  womanName: string;
  womanPhone: string;
  source: OnBehalfSource | null;
  category: ServiceCategory | null;
  answers: DraftAnswers;
  description: string;
  contact: ContactMethod | null;
  safeTimes: string;
  urgent: boolean;
  consent: boolean;
}

/** Everything still missing, in words for the chair (she fills it in for the woman). */
function problemsOf(draft: Draft): FormProblem[] {
  const problems: FormProblem[] = [];
  if (draft.womanName.trim() === '') problems.push({ field: 'womanName', message: '请填写她的姓名' });
  const phone = draft.womanPhone.trim();
  if (phone !== '' && !PHONE_PATTERN.test(phone)) problems.push({ field: 'womanPhone', message: PHONE_MESSAGE });
  if (draft.source === null) problems.push({ field: 'source', message: '请选择她是怎么来求助的' });
  if (draft.category === null) {
    problems.push({ field: 'category', message: '请选择求助的类别' });
  } else {
    const questions = draft.category.questions;
    const keys = new Set(questions.map((question) => question.key));
    // The category's own questions are checked exactly as on her own form.
    const checked = formProblems(questions, {
      answers: draft.answers,
      description: 'x',
      contact: 'visit',
      phone: '',
      safeTimes: '',
      hasHome: true,
    });
    problems.push(...checked.filter((problem) => keys.has(problem.field)));
  }
  if (draft.description.trim() === '') problems.push({ field: 'description', message: '请简单写一写她遇到的事情' });
  if (draft.contact === null) problems.push({ field: 'contact', message: '请选择怎么联系她' });
  else if (draft.contact === 'phone' && phone === '') problems.push({ field: 'womanPhone', message: '要打电话联系她，请填写她的电话' });
  if (!draft.consent) problems.push({ field: 'consent', message: '请先确认她已同意登记她的信息' });
  const tooLong = tooLongProblems([
    ['womanName', '她的姓名', draft.womanName, REQUEST_LIMITS.womanName],
    ['description', '求助内容', draft.description, REQUEST_LIMITS.description],
    ['safeTimes', '方便联系的时间', draft.safeTimes, REQUEST_LIMITS.safeTimes],
  ]);
  for (const problem of tooLong) if (!problems.some((known) => known.field === problem.field)) problems.push(problem);
  return problems;
}

function inputOf(draft: Draft): SubmitOnBehalfInput {
  const category = draft.category!;
  const phone = draft.womanPhone.trim();
  return {
    categoryKey: category.key,
    description: draft.description.trim(),
    answers: answersOf(category.questions, draft.answers),
    contact: {
      method: draft.contact!,
      ...(draft.contact === 'phone' ? { phone } : {}),
      ...(draft.safeTimes.trim() !== '' ? { safeTimes: draft.safeTimes.trim() } : {}),
    },
    womanName: draft.womanName.trim(),
    ...(phone !== '' ? { womanPhone: phone } : {}),
    source: draft.source!,
    consentRecorded: true,
    ...(category.sensitive ? { urgent: draft.urgent } : {}),
  };
}

/**
 * Which earlier try under this key the server recorded. Sent again exactly as it was, that one is
 * answered with the request and rating code it was given; the others are refused again.
 */
async function recordedEarlier(federationId: string, key: string, tries: readonly SubmitOnBehalfInput[]): Promise<OnBehalfCreated | null> {
  for (const input of [...tries].reverse()) {
    try {
      return await submitOnBehalf(federationId, input, key);
    } catch {
      // Not this one (or no signal again): try the one before.
    }
  }
  return null;
}

/** After saving: the code she rates with, large enough to read out over the phone. */
export function RatingCode({ created, earlierTry = false }: { created: OnBehalfCreated; earlierTry?: boolean }) {
  const copy = () =>
    void Taro.setClipboardData({ data: created.ratingCode }).catch(() => undefined);
  return (
    <View className="card on-behalf-done">
      <Text className="sheet-title">已登记</Text>
      {earlierTry && (
        <Text className="hint earlier-try">刚才信号不好时，这条求助其实已经登记上了，保存的是当时填写的内容，后来的修改没有保存。</Text>
      )}
      <Text className="body-text">请把这个评价码念给她，请她抄下来：</Text>
      <Text className="rating-code" userSelect>
        {formatRatingCode(created.ratingCode)}
      </Text>
      {/* The way there, in words she can be read on the phone: no sign-in, a number keypad. */}
      <Text className="body-text rating-code-how">
        办好以后，请她在微信里打开“网上妇女之家”，点“我的”，再点“用评价码评价”，输入这{RATING_CODE_DIGITS}位数字就能评价，不用登录。
      </Text>
      <Button className="btn btn-secondary copy-rating-code" hoverClass="btn-pressed" onClick={copy}>
        复制评价码
      </Button>
      <Button
        className="btn btn-primary open-recorded"
        hoverClass="btn-pressed"
        onClick={() => void Taro.redirectTo({ url: Routes.handleRequest(created.request.id) })}
      >
        查看这条求助
      </Button>
    </View>
  );
}

/**
 * The form a chair fills in for a woman who asked by phone, in person, or through 12338. One
 * Idempotency-Key per filled form, as on her own form: a retry after the signal dropped sends the
 * same key, and the server records it once and answers with the same rating code. The code comes
 * only in that answer, so when a changed form meets a key an earlier try already used, the earlier
 * tries are sent again as they were, to get the code of the one that was recorded.
 */
export function OnBehalfForm({
  federationId,
  federationName,
  categories,
}: {
  federationId: string;
  federationName: string;
  categories: readonly ServiceCategory[];
}) {
  const [draft, setDraft] = useState<Draft>({
    womanName: '',
    womanPhone: '',
    source: null,
    category: null,
    answers: {},
    description: '',
    contact: null,
    safeTimes: '',
    urgent: false,
    consent: false,
  });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<OnBehalfCreated | null>(null);
  const [notice, setNotice] = useState<'retry' | 'earlier-try' | null>(null);
  /** The key of this filled form, and what was sent under it while no answer said how it went. */
  const attempt = useRef<{ key: string; sent: SubmitOnBehalfInput[] } | null>(null);

  const change = (fields: Partial<Draft>) => setDraft((current) => ({ ...current, ...fields }));
  const { problems, problemOf, attempt: check, refusedBy } = useFormCheck(draft, problemsOf);

  if (created !== null) return <RatingCode created={created} earlierTry={notice === 'earlier-try'} />;

  const chooseCategory = (key: ServiceCategoryKey) =>
    change({ category: categories.find((category) => category.key === key) ?? null, answers: {}, urgent: false });

  const send = async () => {
    if (busy) return;
    const found = check();
    if (found.length > 0) {
      void Taro.showToast({ title: found[0].message, icon: 'none', duration: 3000 });
      return;
    }
    const input = inputOf(draft);
    attempt.current ??= { key: newIdempotencyKey(), sent: [] };
    const { key, sent } = attempt.current;
    const earlierTries = sent.filter((earlier) => JSON.stringify(earlier) !== JSON.stringify(input));
    attempt.current.sent = [...earlierTries, input];
    setBusy(true);
    setNotice(null);
    try {
      setCreated(await submitOnBehalf(federationId, input, key));
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      const earlier = error.code === ErrorCode.IdempotencyKeyReused ? await recordedEarlier(federationId, key, earlierTries) : null;
      if (earlier !== null) {
        setNotice('earlier-try');
        setCreated(earlier);
        return;
      }
      showError(error);
      refusedBy(error.fields.map((field) => ({ field: ON_BEHALF_FIELDS[field.field] ?? field.field, message: field.message })));
      // A refused form was not recorded, so the next try may take a new key; a used key is kept
      // until the earlier try it belongs to has been found.
      if (outcomeUnknown(error) || error.code === ErrorCode.IdempotencyKeyReused) setNotice('retry');
      else attempt.current = null;
    } finally {
      setBusy(false);
    }
  };

  const category = draft.category;
  return (
    <View className="request-form on-behalf-form">
      <View className="card">
        <Text className="sheet-title">代为登记求助</Text>
        {federationName && <Text className="hint">登记到：{federationName}</Text>}
        <View className="form-field">
          <FieldLabel text="她的姓名" required />
          <TextField className="woman-name" value={draft.womanName} onChange={(womanName) => change({ womanName })} limit={REQUEST_LIMITS.womanName} />
          <FieldError message={problemOf('womanName')} />
        </View>
        <View className="form-field">
          <FieldLabel text="她的电话" required={draft.contact === 'phone'} />
          <TextField
            className="woman-phone"
            value={draft.womanPhone}
            onChange={(womanPhone) => change({ womanPhone })}
            placeholder="手机或座机，例如：0410-1234567"
          />
          <FieldError message={problemOf('womanPhone')} />
        </View>
        <View className="form-field">
          <FieldLabel text="她是怎么来求助的" required />
          <ChoiceButtons name="source" options={SOURCE_OPTIONS} value={draft.source ?? undefined} onChange={(source) => change({ source })} />
          <FieldError message={problemOf('source')} />
        </View>
      </View>

      <View className="card">
        <View className="form-field">
          <FieldLabel text="求助的类别" required />
          <ChoiceButtons
            name="category"
            options={categories.map((option) => [option.key, option.name] as const)}
            value={category?.key}
            onChange={chooseCategory}
          />
          <FieldError message={problemOf('category')} />
        </View>
        {category?.sensitive && (
          <View className="form-field">
            <ChoiceButtons
              name="urgent"
              options={[[true, '她现在有危险']]}
              value={draft.urgent ? true : undefined}
              onChange={() => change({ urgent: !draft.urgent })}
            />
          </View>
        )}
        {category?.questions.map((question) => (
          <QuestionField
            key={question.key}
            question={question}
            answers={draft.answers}
            onAnswer={(key, value) => change({ answers: { ...draft.answers, [key]: value } })}
            error={problemOf(question.key)}
          />
        ))}
        <View className="form-field">
          <FieldLabel text="她遇到了什么事，需要什么帮助" required />
          <TextArea
            className="request-description"
            value={draft.description}
            onChange={(description) => change({ description })}
            limit={REQUEST_LIMITS.description}
          />
          <FieldError message={problemOf('description')} />
        </View>
      </View>

      <View className="card">
        <View className="form-field">
          <FieldLabel text="怎么联系她" required />
          <ChoiceButtons name="contact" options={CONTACT_OPTIONS} value={draft.contact ?? undefined} onChange={(contact) => change({ contact })} />
          <FieldError message={problemOf('contact')} />
        </View>
        <View className="form-field">
          <FieldLabel text="什么时候联系她方便、安全" required={false} />
          <TextField
            className="contact-safe-times"
            value={draft.safeTimes}
            onChange={(safeTimes) => change({ safeTimes })}
            placeholder="例如：工作日上午"
            limit={REQUEST_LIMITS.safeTimes}
          />
          <FieldError message={problemOf('safeTimes')} />
        </View>
        <View className="form-field">
          <FieldLabel text="她的同意" required />
          <ChoiceButtons
            name="consent"
            options={[[true, draft.consent ? '✓ 她已同意登记她的信息' : '她已同意登记她的信息']]}
            value={draft.consent ? true : undefined}
            onChange={() => change({ consent: !draft.consent })}
          />
          <Text className="hint">登记前请先告诉她：她的信息只用于办理这件事。</Text>
          <FieldError message={problemOf('consent')} />
        </View>
      </View>

      <FormErrors problems={problems} />
      {notice === 'retry' && (
        <Text className="form-notice submit-retry">没有登记成功，填写的内容都还在。请等信号好一些，再点一次“登记求助”。</Text>
      )}
      <Button
        className="btn btn-primary on-behalf-submit"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void send()}
      >
        登记求助
      </Button>
    </View>
  );
}
