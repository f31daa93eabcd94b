import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from '../../voices/components/BusyButton';

/**
 * One step that posts and is done: busy while it goes, a toast when it went, then `onDone` (or the
 * work itself) shows the new state. A refusal is shown by the client; what she filled in stays.
 */
export function useStep(onDone?: () => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success', duration: 2000 });
      onDone?.();
    } catch {
      // The client has shown the server's reason.
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run };
}

/** The short form a step opens: what it needs, what is still missing, one confirm, one way out. */
export function StepForm({
  title,
  className,
  problem,
  busy,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  className: string;
  /** One thing still wrong, said at the confirm; a form checked with useFormCheck says it by each field instead. */
  problem?: string | null;
  busy: boolean;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <View className={`step-form ${className}`}>
      <Text className="sheet-title">{title}</Text>
      {children}
      {problem && <Text className="field-error step-problem">{problem}</Text>}
      <BusyButton className="btn-primary step-confirm" busy={busy} onClick={onConfirm}>
        {confirmLabel}
      </BusyButton>
      <Button className="btn btn-secondary step-cancel" hoverClass="btn-pressed" onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
