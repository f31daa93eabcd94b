import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ImportKind, type SpreadsheetFormat } from '@wfh/shared';
import { ApiError, downloadExport, downloadImportTemplate } from '../../../api';
import { saveDownloadedFile, sendsFilesToChat } from '../../../utils/platform';
import { ActionButton } from './ActionButton';

type Download = 'template' | 'export';

/** Closing WeChat's chat picker is her choice, not a failure. */
const cancelled = (caught: unknown) => String((caught as { errMsg?: unknown } | null)?.errMsg ?? '').includes('cancel');

const BUTTONS: ReadonlyArray<readonly [Download, SpreadsheetFormat, string]> = [
  ['template', 'xlsx', '下载模板（Excel）'],
  ['template', 'csv', '下载模板（CSV）'],
  ['export', 'xlsx', '导出现有数据（Excel）'],
  ['export', 'csv', '导出现有数据（CSV）'],
];

/** The kind's template to fill in, and the county's data in the same columns to correct and bring back. */
export function ImportDownloads({ countyId, kind }: { countyId: string; kind: ImportKind }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (download: Download, format: SpreadsheetFormat) => {
    if (busy) return;
    setBusy(`${download}-${format}`);
    setSaved(null);
    setProblem(null);
    try {
      const file = await (download === 'template' ? downloadImportTemplate : downloadExport)(countyId, kind, format);
      const fileName = file.fileName ?? `${download === 'template' ? '导入模板' : '导出'}.${format}`;
      await saveDownloadedFile(fileName, file.data);
      setSaved(fileName);
    } catch (caught) {
      if (caught instanceof ApiError) setProblem(caught.message);
      else if (!cancelled(caught)) setProblem('没能保存文件，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="card import-downloads">
      <Text className="card-title">模板和导出</Text>
      <Text className="hint">先下载模板照着填写；也可以导出现有的数据，改好后再导入同一个文件。</Text>
      {kind === ImportKind.People && <Text className="hint">导出的名单里有手机号，请妥善保管；每次导出都会留下记录。</Text>}
      {sendsFilesToChat && <Text className="hint">Excel 文件会在微信里打开，可以从右上角转发；CSV 文件会发到您选的聊天里（比如“文件传输助手”）。</Text>}
      <View className="import-download-buttons">
        {BUTTONS.map(([download, format, label]) => (
          <ActionButton
            key={`${download}-${format}`}
            className={`btn-secondary ${download === 'template' ? 'download-template' : 'export'}-${format}`}
            busy={busy === `${download}-${format}`}
            onClick={() => void save(download, format)}
          >
            {label}
          </ActionButton>
        ))}
      </View>
      {saved && <Text className="body-text download-done">已下载：{saved}</Text>}
      {problem && <Text className="field-error download-problem">{problem}</Text>}
    </View>
  );
}
