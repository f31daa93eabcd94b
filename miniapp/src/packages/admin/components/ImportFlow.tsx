import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ImportKind, ImportProgress, ImportReport } from '@wfh/shared';
import { fetchImportProgress, importSpreadsheet } from '../../../api';
import { newIdempotencyKey } from '../../../utils/idempotency';
import { progressWords, sheetFileOf, type SheetFile } from '../../../utils/imports';
import { chooseChatFile, picksFilesInPage, seesUploadProgress, type PickedFile } from '../../../utils/platform';
import { problemOf } from '../hooks';
import { ImportReportView } from './ImportReportView';

/** How often the page asks how far the server has got: a bar that moves, not a load on the server. */
const POLL_MS = 700;

type Step =
  | { at: 'choose'; problem: string | null }
  | { at: 'sending'; file: SheetFile; dryRun: boolean; uploaded: number | null; progress: ImportProgress | null }
  | { at: 'reported'; file: SheetFile; report: ImportReport }
  | { at: 'failed'; file: SheetFile; dryRun: boolean; message: string };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends the file and, while the server works on it, asks how far it has got; one run at a time.
 * Everything after the page has gone is dropped.
 */
function useImportRun(countyId: string, kind: ImportKind) {
  const [step, setStep] = useState<Step>({ at: 'choose', problem: null });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const send = async (file: SheetFile, dryRun: boolean) => {
    const progressId = newIdempotencyKey();
    let settled = false;
    const update = (change: Partial<Extract<Step, { at: 'sending' }>>) => {
      if (alive.current && !settled) setStep((now) => (now.at === 'sending' ? { ...now, ...change } : now));
    };
    setStep({ at: 'sending', file, dryRun, uploaded: null, progress: null });
    const poll = async () => {
      while (alive.current && !settled) {
        try {
          const progress = await fetchImportProgress(countyId, progressId);
          if (progress) update({ progress });
        } catch {
          // The bar is a courtesy: the import's own answer is what counts.
        }
        await wait(POLL_MS);
      }
    };
    void poll();
    try {
      const report = await importSpreadsheet(countyId, kind, {
        dryRun,
        progressId,
        file: { data: file.data, format: file.format, onUploadProgress: (sent, total) => update({ uploaded: total > 0 ? sent / total : null }) },
      });
      settled = true;
      if (alive.current) setStep({ at: 'reported', file, report });
    } catch (caught) {
      settled = true;
      if (alive.current) setStep({ at: 'failed', file, dryRun, message: problemOf(caught) });
    }
  };

  const choose = (picked: PickedFile) => {
    const file = sheetFileOf(picked);
    if ('problem' in file) setStep({ at: 'choose', problem: file.problem });
    else void send(file, true);
  };

  return { step, choose, send, again: () => setStep({ at: 'choose', problem: null }) };
}

/** Where she picks the file: a file input in the browser, her WeChat chats in the mini-program. */
function FilePicker({ onPicked }: { onPicked: (picked: PickedFile) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (picksFilesInPage) {
    const picked = (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      const file = input.files?.[0];
      // Cleared, so that choosing the same (corrected) file again is a change too.
      input.value = '';
      if (file) onPicked({ name: file.name, size: file.size, data: file });
    };
    return (
      <label className="btn btn-primary choose-import-file">
        <input type="file" accept=".xlsx,.csv" className="import-file-input" onChange={picked} />
        选择表格文件
      </label>
    );
  }
  const choose = async () => {
    setProblem(null);
    try {
      const picked = await chooseChatFile(['xlsx', 'csv']);
      if (picked) onPicked(picked);
    } catch {
      setProblem('没能打开这个文件，请再选一次');
    }
  };
  return (
    <View className="import-picker">
      <Text className="hint">请先把表格发到微信（比如发给“文件传输助手”），再从聊天里选择它。</Text>
      <Button className="btn btn-primary choose-import-file" hoverClass="btn-pressed" onClick={() => void choose()}>
        从微信聊天里选择表格
      </Button>
      {problem && <Text className="field-error">{problem}</Text>}
    </View>
  );
}

function Progress({ step }: { step: Extract<Step, { at: 'sending' }> }) {
  const words = progressWords(seesUploadProgress ? step.uploaded : null, step.progress);
  return (
    <View className="import-progress" aria-live="polite" data-phase={step.progress?.phase ?? 'uploading'}>
      <Text className="import-report-title">{step.dryRun ? '正在检查' : '正在导入'}：{step.file.name}</Text>
      <Text className="body-text import-progress-text">{words.text}</Text>
      {words.share !== null && (
        <View className="import-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(words.share * 100)}>
          <View className="import-progress-fill" style={{ width: `${Math.round(words.share * 100)}%` }} />
        </View>
      )}
      <Text className="hint">大的表格要等一会儿，请不要关闭这个页面。</Text>
    </View>
  );
}

function ChooseAgain({ onClick }: { onClick: () => void }) {
  return (
    <Button className="btn btn-secondary choose-again" hoverClass="btn-pressed" onClick={onClick}>
      重新选择文件
    </Button>
  );
}

/** 导入表格: choose the file, read the check, then 确认导入 once nothing is wrong; the result after. */
export function ImportFlow({ countyId, kind }: { countyId: string; kind: ImportKind }) {
  const { step, choose, send, again } = useImportRun(countyId, kind);
  return (
    <View className="card import-flow">
      <Text className="card-title">导入表格</Text>
      {step.at === 'choose' && (
        <>
          <Text className="hint">选择填好的表格（.xlsx 或 .csv）后，系统先检查每一行，不会改动任何数据；全部没有问题，再点「确认导入」。</Text>
          <FilePicker onPicked={choose} />
          {step.problem && <Text className="field-error import-error">{step.problem}</Text>}
        </>
      )}
      {step.at === 'sending' && <Progress step={step} />}
      {step.at === 'failed' && (
        <>
          <Text className="body-text import-file-name">文件：{step.file.name}</Text>
          <Text className="field-error import-error">{step.message}</Text>
          <Button className="btn btn-secondary retry-import" hoverClass="btn-pressed" onClick={() => void send(step.file, step.dryRun)}>
            再试一次
          </Button>
          <ChooseAgain onClick={again} />
        </>
      )}
      {step.at === 'reported' && (
        <>
          <Text className="body-text import-file-name">文件：{step.file.name}</Text>
          <ImportReportView report={step.report} />
          {step.report.dryRun && step.report.problems.length === 0 && step.report.counts.create + step.report.counts.change > 0 && (
            <Button className="btn btn-primary confirm-import" hoverClass="btn-pressed" onClick={() => void send(step.file, false)}>
              确认导入
            </Button>
          )}
          {step.report.dryRun && step.report.problems.length === 0 && step.report.counts.create + step.report.counts.change === 0 && (
            <Text className="body-text import-nothing">表格和系统里的数据完全一样，不用导入。</Text>
          )}
          <ChooseAgain onClick={again} />
        </>
      )}
    </View>
  );
}
