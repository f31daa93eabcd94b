import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { checkRatingCode, formatRatingCode, normalizeRatingCode, RATING_CODE_DIGITS, Rating, type RateRequestInput, type RatingCodeView } from '@wfh/shared';
import { ApiError, fetchRatingCode, rateWithCode } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { RatingForm } from '../../components/RatingForm';
import { FieldError, TextField } from '../requests/components/FormParts';
import '../../styles/requests.css';
import './public.css';

const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught : ApiError.network()).message;

type Step =
  | { at: 'code' }
  | { at: 'found'; code: string; view: RatingCodeView }
  | { at: 'thanks'; reopened: boolean };

/** Where the request stands when it is not hers to rate now, in one plain sentence. */
const NOT_NOW: Record<Exclude<RatingCodeView['stage'], 'ready'>, string> = {
  waiting: '这条求助还在办理中。办好以后，请再用这个评价码来评价。',
  rated: '您已经评价过了，谢谢您！',
  ended: '这条求助已经结束，不能再评价了。有需要，可以再找妇联。',
};

/**
 * 用评价码评价: a woman a chair recorded a request for (by phone, at the door) rates it herself with
 * the code she was given, without signing in; an SMS link opens this page with the code filled in.
 * Digits on the number keypad by default; codes given out before have letters, and a tap opens a
 * plain text field for them. A slip of her pen is caught here (the check digit), before it costs
 * one of her tries.
 */
function RateSteps({ initialCode }: { initialCode: string }) {
  const [legacy, setLegacy] = useState(/[A-Za-z]/.test(initialCode));
  const [typed, setTyped] = useState(initialCode);
  const [step, setStep] = useState<Step>({ at: 'code' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (raw: string) => {
    if (busy) return;
    const checked = checkRatingCode(raw, { legacy });
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setStep({ at: 'found', code: checked.code, view: await fetchRatingCode(checked.code) });
    } catch (caught) {
      setProblem(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  // From an SMS link: the code is there already, so look it up at once.
  useEffect(() => {
    if (initialCode !== '') void lookUp(initialCode);
    // Only on opening: later lookups are hers to start.
  }, []);

  if (step.at === 'thanks') {
    return (
      <View className="card rating-thanks" role="status">
        <Text className="sheet-title">谢谢您的评价！</Text>
        <Text className="body-text">
          {step.reopened ? '妇联会重新为您办理。办好以后，您可以再用这个评价码评价一次。' : '您的评价妇联已经收到了。'}
        </Text>
      </View>
    );
  }

  if (step.at === 'found') {
    const { code, view } = step;
    const submit = async (input: RateRequestInput) => {
      try {
        await rateWithCode(code, input);
      } catch (caught) {
        setProblem(messageOf(caught));
        throw caught;
      }
      setStep({ at: 'thanks', reopened: input.rating === Rating.Unsatisfied && view.unsatisfiedReopens });
    };
    return (
      <View>
        <View className="card rating-found">
          <Text className="body-text rating-found-body">{view.federationName}为您登记的求助</Text>
          <Text className="hint">评价码：{formatRatingCode(code)}</Text>
          {view.stage !== 'ready' && <Text className="body-text rating-stage">{NOT_NOW[view.stage]}</Text>}
        </View>
        {view.stage === 'ready' && <RatingForm submit={submit} unsatisfiedReopens={view.unsatisfiedReopens} />}
        <FieldError message={problem ?? undefined} />
        <Button className="btn btn-secondary other-code" hoverClass="btn-pressed" onClick={() => setStep({ at: 'code' })}>
          换一个评价码
        </Button>
      </View>
    );
  }

  const digits = normalizeRatingCode(typed);
  return (
    <View className="card rating-code-entry">
      <Text className="field-label">请输入妇联告诉您的评价码</Text>
      {legacy ? (
        <TextField className="rating-code-input legacy-code-input" value={typed} onChange={setTyped} maxLength={14} placeholder="10位字母和数字" />
      ) : (
        <TextField
          className="rating-code-input"
          value={typed}
          onChange={setTyped}
          type="number"
          maxLength={RATING_CODE_DIGITS}
          placeholder={`${RATING_CODE_DIGITS}位数字`}
        />
      )}
      {/* Read back in groups of four, as the chair read it out, so she can compare group by group. */}
      {!legacy && digits !== '' && <Text className="rating-code-echo">{formatRatingCode(digits)}</Text>}
      <FieldError message={problem ?? undefined} />
      <Button className="btn btn-primary look-up-rating-code" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => void lookUp(typed)}>
        下一步
      </Button>
      <Text
        className="link-text switch-code-kind"
        onClick={() => {
          setLegacy(!legacy);
          setTyped('');
          setProblem(null);
        }}
      >
        {legacy ? '我的评价码只有数字' : '评价码里有字母？点这里'}
      </Text>
    </View>
  );
}

export default function RateWithCodePage() {
  const { params } = useRouter();
  const code = typeof params.code === 'string' ? decodeURIComponent(params.code) : '';
  return (
    <CarePage title="用评价码评价">
      <RateSteps initialCode={code} />
    </CarePage>
  );
}
