import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { handlerActionsFrom, REQUEST_LIMITS, RequestAction, type RequestDetail, type SearchHit } from '@wfh/shared';
import { actOnRequest } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { LengthCounter } from '../../../components/LengthCounter';
import { tooLongProblems, useFormCheck } from '../../../hooks/useFormCheck';
import type { FormProblem } from '../../../utils/requests';
import { FieldError } from '../../requests/components/FormParts';
import { ReferPicker } from './ReferPicker';

type HandlerAction =
  | RequestAction.Accept
  | RequestAction.Reply
  | RequestAction.Refer
  | RequestAction.ReturnReferral
  | RequestAction.Resolve;

interface ActionWords {
  button: string;
  className: string;
  /** What the text box asks for, and whether it must be filled. */
  prompt: string;
  required: boolean;
  confirm: string;
  done: string;
}

const ACTIONS: Record<HandlerAction, ActionWords> = {
  [RequestAction.Accept]: {
    button: '受理',
    className: 'action-accept',
    prompt: '想对她说的话（可以不写）',
    required: false,
    confirm: '确定受理',
    done: '已受理',
  },
  [RequestAction.Reply]: {
    button: '回复',
    className: 'action-reply',
    prompt: '回复她的内容',
    required: true,
    confirm: '发送回复',
    done: '已回复',
  },
  [RequestAction.Refer]: {
    button: '转介',
    className: 'action-refer',
    prompt: '给同事的说明（她看不到）：为什么转给这个妇联',
    required: true,
    confirm: '确定转介',
    done: '已转介',
  },
  [RequestAction.ReturnReferral]: {
    button: '退回',
    className: 'action-return',
    prompt: '给同事的说明（她看不到）：为什么退回',
    required: true,
    confirm: '确定退回',
    done: '已退回',
  },
  [RequestAction.Resolve]: {
    button: '办结',
    className: 'action-resolve',
    prompt: '办理的结果',
    required: true,
    confirm: '确定办结',
    done: '已办结',
  },
};

const isHandlerAction = (action: RequestAction): action is HandlerAction => action in ACTIONS;

/** A referral's optional second text: what she reads about it. */
const TO_HER_PROMPT = '对她说的话（她会看到，可以不写）';

function post(request: RequestDetail, action: HandlerAction, text: string, target: SearchHit | null, toHer: string): Promise<RequestDetail> {
  switch (action) {
    case RequestAction.Accept:
      return actOnRequest(request.id, action, text ? { note: text } : {});
    case RequestAction.Reply:
      return actOnRequest(request.id, action, { message: text });
    case RequestAction.Refer:
      return actOnRequest(request.id, action, { toFederationId: target!.id, reason: text, ...(toHer ? { messageToHer: toHer } : {}) });
    case RequestAction.ReturnReferral:
      return actOnRequest(request.id, action, { reason: text });
    case RequestAction.Resolve:
      return actOnRequest(request.id, action, { resolution: text });
  }
}

/**
 * The steps the lifecycle allows from the request's state (handlerActionsFrom, the same rule the
 * server applies), each opening a short form: the text it needs, then one confirm.
 */
export function ActionPanel({ request, onChange }: { request: RequestDetail; onChange: (next: RequestDetail) => void }) {
  const [active, setActive] = useState<HandlerAction | null>(null);
  const [text, setText] = useState('');
  const [toHer, setToHer] = useState('');
  const [target, setTarget] = useState<SearchHit | null>(null);
  const [busy, setBusy] = useState(false);
  const { problemOf, attempt } = useFormCheck({ active, text, toHer, target }, (draft) => {
    if (draft.active === null) return [];
    const found: FormProblem[] = [];
    if (draft.active === RequestAction.Refer && draft.target === null) found.push({ field: 'target', message: '请先选好转给哪个妇联' });
    if (ACTIONS[draft.active].required && draft.text.trim() === '') found.push({ field: 'text', message: `请填写：${ACTIONS[draft.active].prompt}` });
    found.push(
      ...tooLongProblems([
        ['text', ACTIONS[draft.active].prompt, draft.text, REQUEST_LIMITS.handlerNote],
        ['toHer', TO_HER_PROMPT, draft.toHer, REQUEST_LIMITS.handlerNote],
      ]),
    );
    return found;
  });
  const allowed = handlerActionsFrom(request.state).filter(isHandlerAction);

  if (allowed.length === 0) return null;

  const open = (action: HandlerAction) => {
    setActive(action);
    setText('');
    setToHer('');
    setTarget(null);
  };

  const confirm = async () => {
    if (active === null || busy) return;
    const words = ACTIONS[active];
    const trimmed = text.trim();
    if (attempt().length > 0) return;
    setBusy(true);
    try {
      const next = await post(request, active, trimmed, target, toHer.trim());
      setActive(null);
      onChange(next);
      void Taro.showToast({ title: words.done, icon: 'success', duration: 2000 });
    } catch {
      // The client has shown the server's reason; the form stays as she filled it.
    } finally {
      setBusy(false);
    }
  };

  if (active !== null) {
    const words = ACTIONS[active];
    return (
      <View className="card action-form">
        <Text className="sheet-title">{words.button}</Text>
        {active === RequestAction.Refer && (
          <ReferPicker currentFederationId={request.federationId} chosen={target} onChoose={setTarget} />
        )}
        <Text className="field-label">{words.prompt}</Text>
        <Textarea
          className="form-textarea action-text"
          value={text}
          maxlength={-1}
          onInput={(event) => setText(event.detail.value)}
        />
        <LengthCounter value={text} limit={REQUEST_LIMITS.handlerNote} />
        <FieldError message={problemOf('text')} />
        {active === RequestAction.Refer && (
          <>
            <Text className="field-label">{TO_HER_PROMPT}</Text>
            <Textarea
              className="form-textarea action-to-her"
              value={toHer}
              placeholder="例如：您的事已请镇妇联一起办理，他们会联系您"
              maxlength={-1}
              onInput={(event) => setToHer(event.detail.value)}
            />
            <LengthCounter value={toHer} limit={REQUEST_LIMITS.handlerNote} />
            <FieldError message={problemOf('toHer')} />
          </>
        )}
        <FieldError message={problemOf('target')} />
        <Button
          className="btn btn-primary action-confirm"
          hoverClass="btn-pressed"
          loading={onlyIf(busy)}
          disabled={onlyIf(busy)}
          onClick={() => void confirm()}
        >
          {words.confirm}
        </Button>
        <Button className="btn btn-secondary action-cancel" hoverClass="btn-pressed" onClick={() => setActive(null)}>
          取消
        </Button>
      </View>
    );
  }

  return (
    <View className="card action-buttons">
      <Text className="card-title">办理</Text>
      {allowed.map((action) => (
        <Button
          key={action}
          className={`btn ${action === allowed[0] ? 'btn-primary' : 'btn-secondary'} ${ACTIONS[action].className}`}
          hoverClass="btn-pressed"
          onClick={() => open(action)}
        >
          {ACTIONS[action].button}
        </Button>
      ))}
    </View>
  );
}
