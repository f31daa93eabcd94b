import { Text, View } from '@tarojs/components';
import type { ImportAction, ImportProblem, ImportReport } from '@wfh/shared';
import { ACTION_WORDS } from '../../../utils/imports';

/** A list longer than this says how many more there are: a 20,000-row sheet must not freeze a phone. */
const SHOWN_ROWS = 100;

function Counts({ report }: { report: ImportReport }) {
  const { counts } = report;
  const cells: ReadonlyArray<readonly [string, string, number]> = [
    ['create', ACTION_WORDS.create, counts.create],
    ['change', ACTION_WORDS.change, counts.change],
    ['leave', ACTION_WORDS.leave, counts.leave],
    ['bad', '有问题', counts.badRows],
  ];
  return (
    <View className="import-counts">
      {cells.map(([key, label, count]) => (
        <View key={key} className={`import-count import-count-${key}${count === 0 ? ' import-count-none' : ''}`}>
          <Text className="import-count-number">{count}</Text>
          <Text className="import-count-label">{label}（行）</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * Each problem with its row and column, as a table at a PC (imports.css) and one card per problem on
 * a phone: she finds the cell in her own spreadsheet by the row number Excel shows.
 */
function ProblemTable({ items, kind }: { items: ImportProblem[]; kind: 'problem' | 'warning' }) {
  const shown = items.slice(0, SHOWN_ROWS);
  return (
    <View className={`import-table import-${kind}s`}>
      <View className="import-table-head">
        <Text className="import-table-cell">行号</Text>
        <Text className="import-table-cell">列</Text>
        <Text className="import-table-cell">{kind === 'problem' ? '要修改的地方' : '请留意'}</Text>
      </View>
      {shown.map((item, index) => (
        <View key={`${item.row}:${item.column}:${index}`} className={`import-table-row import-${kind}-row`} data-row={item.row}>
          <Text className={`import-table-cell import-${kind}-line`}>第 {item.row} 行</Text>
          <Text className={`import-table-cell import-${kind}-column`}>{item.column ?? '整行'}</Text>
          <Text className={`import-table-cell import-${kind}-message`}>{item.message}</Text>
        </View>
      ))}
      {items.length > shown.length && <Text className="hint">……还有 {items.length - shown.length} 处没有列出，先改好上面这些再检查一次。</Text>}
    </View>
  );
}

function RowsByAction({ report }: { report: ImportReport }) {
  const groups = (['create', 'change', 'leave'] as ImportAction[])
    .map((action) => [action, report.rows.filter((row) => row.action === action)] as const)
    .filter(([, rows]) => rows.length > 0);
  if (groups.length === 0) return null;
  return (
    <View className="import-rows">
      {groups.map(([action, rows]) => (
        <View key={action} className={`import-rows-group import-rows-${action}`}>
          <Text className="import-section-title">
            {ACTION_WORDS[action]}（{rows.length} 行）
          </Text>
          {rows.slice(0, SHOWN_ROWS).map((row) => (
            <View key={row.row} className={`import-table-row import-row import-row-${action}`} data-row={row.row}>
              <Text className="import-table-cell import-row-line">第 {row.row} 行</Text>
              <Text className="import-table-cell import-row-summary">{row.summary}</Text>
            </View>
          ))}
          {rows.length > SHOWN_ROWS && <Text className="hint">……还有 {rows.length - SHOWN_ROWS} 行没有列出。</Text>}
        </View>
      ))}
    </View>
  );
}

/** What a check found, or what a commit did: the counts, every problem, the warnings, the rows by what happens to them. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { counts } = report;
  return (
    <View className="import-report">
      <View className={report.committed ? 'import-result' : 'import-summary'} aria-live="polite">
        <Text className="import-report-title">
          {report.committed ? '导入完成' : report.dryRun ? '检查结果' : '没有导入'}
        </Text>
        {!report.dryRun && !report.committed && (
          <Text className="body-text import-refused">检查之后系统里的数据有了变化，下面这些行现在有问题，所以这次什么也没有改。</Text>
        )}
        <Text className="body-text import-read">
          读到 {counts.rows} 行{report.sheet ? `（工作表“${report.sheet}”）` : ''}。
          {report.committed
            ? `已新增 ${counts.create} 行，修改 ${counts.change} 行，${counts.leave} 行不变。`
            : counts.badRows > 0
              ? `有 ${counts.badRows} 行需要修改，全部改好后才能导入。`
              : '没有发现问题。'}
        </Text>
        <Counts report={report} />
      </View>
      {report.problems.length > 0 && (
        <View className="import-section">
          <Text className="import-section-title">要修改的地方（{report.problems.length} 处）</Text>
          <Text className="hint">请在表格里改好这些格子，保存后点「重新选择文件」再检查一次。</Text>
          <ProblemTable items={report.problems} kind="problem" />
        </View>
      )}
      {report.warnings.length > 0 && (
        <View className="import-section">
          <Text className="import-section-title">请留意（不影响导入，{report.warnings.length} 处）</Text>
          <ProblemTable items={report.warnings} kind="warning" />
        </View>
      )}
      <RowsByAction report={report} />
    </View>
  );
}
