import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  ErrorCode,
  REQUEST_LIMITS,
  type ContactMethod,
  type FederationDetail,
  type RequestDetail,
  type ServiceCategory,
  type SubmitRequestInput,
} from '@wfh/shared';
import { ApiError, showError, submitRequest } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { newIdempotencyKey, outcomeUnknown } from '../../../utils/idempotency';
import {
  answersOf,
  formProblems,
  type DraftAnswers,
} from '../../../utils/requests';
import { useFormCheck } from '../../../hooks/useFormCheck';
import { Routes } from '../../../utils/routes';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors, QuestionField, TextArea, TextField } from './FormParts';
import { EmergencyCalls } from './Hotlines';
import { QuickExit } from './QuickExit';

const CONTACT_OPTIONS: ReadonlyArray<readonly [ContactMethod, string]> = [
  ['phone', '打电话'],
  ['wechat', '微信'],
  ['visit', '上门'],
];

function HomeField({ home, error }: { home: FederationDetail | null; error: string | undefined }) {
  const choose = () => void Taro.navigateTo({ url: Routes.chooseVillage(home?.parentId ?? undefined, { back: true }) });
  return (
    <View className="form-field form-home">
      <FieldLabel text="您所在的村（社区）" required />
      {home === null ? (
        <View>
          <Text className="body-text">您还没有选择所在的村或社区，选好后妇联才知道由谁来帮您。</Text>
          <Button className="btn btn-primary choose-village" hoverClass="btn-pressed" onClick={choose}>
            选择我所在的村（社区）
          </Button>
        </View>
      ) : (
        <View>
          <Text className="home-body-name form-home-name">{home.name}</Text>
          <Text className="link-text change-village" onClick={choose}>
            不是这里？重新选择
          </Text>
        </View>
      )}
      <FieldError message={error} />
    </View>
  );
}

/**
 * The form of one category: its own questions, what happened, how and when to reach her, her
 * village. One Idempotency-Key per filled form: a retry after the signal dropped sends the same
 * key (the server then files it once), a new key only once the server has said no.
 */
export function RequestForm({
  category,
  home,
  siteId,
  onChangeCategory,
}: {
  category: ServiceCategory;
  home: FederationDetail | null;
  siteId: string | null;
  onChangeCategory: () => void;
}) {
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [description, setDescription] = useState('');
  const [contact, setContact] = useState<ContactMethod | null>(null);
  const [phone, setPhone] = useState('');
  const [safeTimes, setSafeTimes] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<'retry' | 'already-sent' | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  // One draft for the shared check, so a message by a field goes as soon as she puts the field right.
  const draft = { answers, description, contact, phone, safeTimes, hasHome: home !== null };
  const { problems, problemOf, attempt } = useFormCheck(draft, (form) => formProblems(category.questions, form));

  const send = async () => {
    if (busy) return;
    const found = attempt();
    // Shown beside each field and together above 发出求助 (FormErrors), not as a toast: a toast
    // would lie over the page, 拨打110报警 included.
    if (found.length > 0 || home === null || contact === null) return;
    const input: SubmitRequestInput = {
      categoryKey: category.key,
      description: description.trim(),
      answers: answersOf(category.questions, answers),
      contact: {
        method: contact,
        ...(contact === 'phone' ? { phone: phone.trim() } : {}),
        ...(safeTimes.trim() !== '' ? { safeTimes: safeTimes.trim() } : {}),
      },
      federationId: home.id,
      ...(siteId !== null ? { siteId } : {}),
      ...(category.sensitive ? { urgent, sensitiveConsent: true } : {}),
    };
    idempotencyKey.current ??= newIdempotencyKey();
    setBusy(true);
    setNotice(null);
    let created: RequestDetail;
    try {
      created = await submitRequest(input, idempotencyKey.current);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setBusy(false);
      if (error.code === ErrorCode.IdempotencyKeyReused) {
        // The first try did reach the server before the signal dropped: it is filed already.
        idempotencyKey.current = null;
        setNotice('already-sent');
        return;
      }
      showError(error);
      if (outcomeUnknown(error)) setNotice('retry');
      else idempotencyKey.current = null;
      return;
    }
    // Replaces the form, so that 返回 from her request does not lead back to a form already sent.
    void Taro.redirectTo({ url: Routes.myRequest(created.id) });
  };

  return (
    <View className="request-form">
      {/* On every form, as on the list of categories: a legal or family matter can be as unsafe to be seen filling in. */}
      <QuickExit />
      {category.sensitive && <EmergencyCalls />}
      <View className="card">
        {/* A sensitive category is never named once she is inside it: someone may look over her shoulder. */}
        <Text className="sheet-title">{category.sensitive ? '请告诉我们您的情况' : category.name}</Text>
        <Text className="link-text change-category" onClick={onChangeCategory}>
          选错了？重新选择
        </Text>
      </View>

      {category.sensitive && (
        <View className="card">
          <ChoiceButtons
            name="urgent"
            options={[[true, '我现在有危险']]}
            value={urgent ? true : undefined}
            onChange={() => setUrgent(!urgent)}
          />
          {urgent && <Text className="hint urgent-noted">妇联会最先处理您的求助，尽快联系您。</Text>}
        </View>
      )}

      <View className="card">
        {category.questions.map((question) => (
          <QuestionField
            key={question.key}
            question={question}
            answers={answers}
            onAnswer={(key, value) => setAnswers({ ...answers, [key]: value })}
            error={problemOf(question.key)}
          />
        ))}
        <View className="form-field">
          <FieldLabel text="发生了什么事，需要什么帮助" required />
          <TextArea
            className="request-description"
            value={description}
            onChange={setDescription}
            limit={REQUEST_LIMITS.description}
            placeholder="简单写几句就可以"
          />
          <FieldError message={problemOf('description')} />
        </View>
      </View>

      <View className="card">
        <View className="form-field">
          <FieldLabel text="怎么联系您" required />
          <ChoiceButtons name="contact" options={CONTACT_OPTIONS} value={contact ?? undefined} onChange={setContact} />
          <FieldError message={problemOf('contact')} />
        </View>
        {contact === 'phone' && (
          <View className="form-field">
            <FieldLabel text="您的电话号码" required />
            {/* Text, not a number keyboard: a landline keeps its dash (0410-1234567), as she wrote it. */}
            <TextField className="contact-phone" value={phone} onChange={setPhone} placeholder="手机或座机，例如：0410-1234567" />
            <FieldError message={problemOf('phone')} />
          </View>
        )}
        <View className="form-field">
          <FieldLabel text="什么时候联系您方便、安全" required={false} />
          <TextField
            className="contact-safe-times"
            value={safeTimes}
            onChange={setSafeTimes}
            placeholder="例如：工作日上午"
            limit={REQUEST_LIMITS.safeTimes}
          />
          <FieldError message={problemOf('safeTimes')} />
        </View>
        <HomeField home={home} error={problemOf('home')} />
      </View>

      <FormErrors problems={problems} />
      {notice === 'retry' && (
        <Text className="form-notice submit-retry">没有发送成功，您写的内容都还在。请等信号好一些，再点一次“发出求助”。</Text>
      )}
      {notice === 'already-sent' && (
        <View className="form-notice already-sent">
          <Text className="body-text">您的求助刚才已经发出了，不用再发一次。</Text>
          <Button
            className="btn btn-secondary go-my-requests"
            hoverClass="btn-pressed"
            onClick={() => void Taro.redirectTo({ url: Routes.myRequests })}
          >
            查看我的求助
          </Button>
        </View>
      )}
      <Button
        className="btn btn-primary submit-request"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void send()}
      >
        发出求助
      </Button>
    </View>
  );
}
