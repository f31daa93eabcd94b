import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { StatsQuery } from '@wfh/shared';
import { ApiError, fetchSubtreeStatsCsv } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { saveCsvFile, sendsFilesToChat } from '../../../utils/platform';

/** Closing WeChat's chat picker is her choice, not a failure. */
const cancelled = (caught: unknown) => String((caught as { errMsg?: unknown } | null)?.errMsg ?? '').includes('cancel');

/** The same numbers as a spreadsheet: downloaded in the browser, sent to a chat in WeChat. */
export function StatsExport({ federationId, name, range }: { federationId: string; name: string; range: StatsQuery }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const text = await fetchSubtreeStatsCsv(federationId, range);
      await saveCsvFile(`${name}-工作看板-${range.from}至${range.to}.csv`, text);
    } catch (caught) {
      if (caught instanceof ApiError) setProblem(caught.message);
      else if (!cancelled(caught)) setProblem('没能导出表格，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card stats-export">
      <Text className="card-title">导出表格</Text>
      {sendsFilesToChat && <Text className="hint">可以发给“文件传输助手”，再在电脑上用表格软件打开。</Text>}
      <Button className="btn btn-secondary export-stats" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => void save()}>
        {sendsFilesToChat ? '把表格发到微信' : '下载表格'}
      </Button>
      {problem && <Text className="field-error export-problem">{problem}</Text>}
    </View>
  );
}
