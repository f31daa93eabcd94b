import { useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import {
  HOLIDAY_KIND_LABELS,
  HOLIDAY_LIMITS,
  holidayCoverageWarning,
  holidayEntriesProblems,
  monthDayOf,
  personLabel,
  type HolidayCoverage,
  type HolidayEntry,
  type HolidayEntryKind,
  type HolidayYear,
} from '@wfh/shared';
import { ApiError, saveHolidayYear } from '../../../api';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { formatDateTime } from '../../../utils/time';
import { ChoiceButtons, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import { useChange, useHolidayYear } from '../hooks';
import { ActionButton, withServerProblem } from './ActionButton';

type Problem = { field: string; message: string };

const KINDS = (Object.keys(HOLIDAY_KIND_LABELS) as HolidayEntryKind[]).map((kind) => [kind, HOLIDAY_KIND_LABELS[kind]] as const);

/** Shown on top of the county admin's page while this year's or next year's holidays are unknown. */
export function HolidayBanner({ coverage, onEnter }: { coverage: HolidayCoverage; onEnter: (year: number) => void }) {
  const warning = holidayCoverageWarning(coverage.missing);
  if (warning === null) return null;
  return (
    <View className="cover-banner holiday-banner" role="alert">
      <Text className="cover-banner-text holiday-warning">{warning}</Text>
      <Text className="cover-banner-days">不录入的话，这些节假日会被当作工作日，求助的答复期限会算错。</Text>
      <Button className="btn btn-primary enter-holidays" hoverClass="btn-pressed" onClick={() => onEnter(coverage.missing[0]!)}>
        去录入
      </Button>
    </View>
  );
}

/** Every date from `from` to `until`, both included. */
function datesBetween(from: string, until: string): string[] {
  const dates: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day.toISOString().slice(0, 10) <= until; day.setUTCDate(day.getUTCDate() + 1)) {
    dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

interface Run {
  name: string;
  kind: HolidayEntryKind;
  dates: string[];
}

/** Entries as the notice reads them: consecutive days of one festival and kind together. */
function runsOf(entries: readonly HolidayEntry[]): Run[] {
  const runs: Run[] = [];
  for (const entry of [...entries].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const last = runs.at(-1);
    const follows = last && last.name === entry.name && last.kind === entry.kind && nextDay(last.dates.at(-1)!) === entry.date;
    if (follows) last.dates.push(entry.date);
    else runs.push({ name: entry.name, kind: entry.kind, dates: [entry.date] });
  }
  return runs;
}

function runDays(run: Run): string {
  const first = monthDayOf(run.dates[0]!);
  return run.dates.length === 1 ? first : `${first}至${monthDayOf(run.dates.at(-1)!)}（${run.dates.length}天）`;
}

function DateField({ label, value, year, onChange, className }: { label: string; value: string; year: number; onChange: (day: string) => void; className: string }) {
  return (
    <View className="form-field">
      <FieldLabel text={label} required />
      <Picker mode="date" value={value} start={`${year}-01-01`} end={`${year}-12-31`} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`form-input picker-field ${className}`}>{value}</View>
      </Picker>
    </View>
  );
}

/** One year's days off and 调休 workdays, edited as a draft and saved whole. */
function YearEditor({ loaded, onSaved }: { loaded: HolidayYear; onSaved: (saved: HolidayYear) => void }) {
  const { year } = loaded;
  const [entries, setEntries] = useState<HolidayEntry[]>(loaded.entries);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<HolidayEntryKind>('holiday');
  const [from, setFrom] = useState(`${year}-01-01`);
  const [until, setUntil] = useState(`${year}-01-01`);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saveProblems, setSaveProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, problem, run } = useChange();

  const add = () => {
    setSaved(false);
    if (until < from) {
      setProblems([{ field: 'until', message: '“到哪天”不能早于“从哪天”' }]);
      return;
    }
    const added = datesBetween(from, until).map((date): HolidayEntry => ({ date, kind, name: name.trim() }));
    const next = [...entries, ...added];
    // The same rules as the server's, said for the lines just added.
    const found = holidayEntriesProblems(year, next).filter((p) => Number(p.field.split('.')[1]) >= entries.length || p.field === 'entries');
    setProblems(found.length > 0 ? [found[0]!] : []);
    if (found.length > 0) return;
    setEntries(next);
    setName('');
  };

  const remove = (gone: Run) => {
    setSaved(false);
    setEntries(entries.filter((entry) => !(gone.dates.includes(entry.date) && entry.kind === gone.kind && entry.name === gone.name)));
  };

  const save = () =>
    void run(async () => {
      setSaveProblems([]);
      try {
        const result = await saveHolidayYear(year, { entries });
        setEntries(result.entries);
        setSaved(true);
        onSaved(result);
      } catch (caught) {
        // The server names the line it refused; show that beside its general reason.
        if (caught instanceof ApiError) setSaveProblems(caught.fields);
        throw caught;
      }
    });

  const changeFrom = (day: string) => {
    setFrom(day);
    if (until < day) setUntil(day);
  };

  return (
    <View className="holiday-editor">
      <Text className="hint holiday-source">
        {loaded.libraryKnows
          ? `系统已有${year}年的节假日安排，一般不用录入；这里录入的日子会替代系统的安排。`
          : `系统还没有${year}年的节假日安排。请照国务院办公厅的放假通知，录入放假的日子和调休上班的日子。`}
      </Text>
      {loaded.enteredAt && (
        <Text className="hint holiday-entered-by">
          {personLabel(loaded.enteredByName, { as: 'member' })}于{formatDateTime(loaded.enteredAt)}录入
        </Text>
      )}

      {entries.length === 0 ? (
        <Text className="body-text holiday-none">{year}年还没有录入任何日子。</Text>
      ) : (
        runsOf(entries).map((item) => (
          <View key={`${item.kind}:${item.dates[0]}`} className="holiday-run">
            <Text className="place-name holiday-run-what">
              {item.name}　{HOLIDAY_KIND_LABELS[item.kind]}
            </Text>
            <Text className="place-address holiday-run-days">{runDays(item)}</Text>
            <Button className="btn btn-secondary remove-holiday" hoverClass="btn-pressed" onClick={() => remove(item)}>
              删除
            </Button>
          </View>
        ))
      )}

      <View className="holiday-add">
        <Text className="card-title">加一段日子</Text>
        <View className="form-field">
          <FieldLabel text="节日名称" required />
          <TextField className="holiday-name" value={name} onChange={setName} placeholder="例如：春节" limit={HOLIDAY_LIMITS.nameMaxLength} />
        </View>
        <View className="form-field">
          <FieldLabel text="这些天" required />
          <ChoiceButtons name="holiday-kind" options={KINDS} value={kind} onChange={setKind} />
        </View>
        <DateField label="从哪天" value={from} year={year} onChange={changeFrom} className="holiday-from" />
        <DateField label="到哪天（含这一天；只有一天就选同一天）" value={until} year={year} onChange={setUntil} className="holiday-until" />
        <FormErrors problems={problems} />
        <Button className="btn btn-secondary add-holiday" hoverClass="btn-pressed" onClick={add}>
          加入
        </Button>
      </View>

      <FormErrors problems={withServerProblem(saveProblems, problem)} />
      {saved && <Text className="body-text holiday-saved">已保存，{year}年的答复期限从现在起按这些日子计算。</Text>}
      <ActionButton className="btn-primary save-holidays" busy={busy} onClick={save}>
        保存{year}年的安排
      </ActionButton>
    </View>
  );
}

/** 节假日: the years the deadline clock needs, and a form to enter one from the State Council's notice. */
export function HolidaysSection({ coverage, initialYear, onSaved }: { coverage: HolidayCoverage; initialYear: number | null; onSaved: () => void }) {
  const [year, setYear] = useState(initialYear ?? coverage.missing[0] ?? coverage.years[0]!.year);
  const loaded = useHolidayYear(year);
  const options = coverage.years.map((y) => [y.year, `${y.year}年${y.covered ? '' : '（缺）'}`] as const);
  return (
    <View className="card holidays-section">
      <Text className="card-title">节假日安排</Text>
      <Text className="hint">求助的答复和办结期限按工作日计算，放假的日子不算，调休上班的周末要算。本系统服务的各县（区）共用一份，任何一位县妇联管理员都可以录入。</Text>
      <ChoiceButtons name="holiday-year" options={options.map(([y, label]) => [String(y), label] as const)} value={String(year)} onChange={(y) => setYear(Number(y))} />
      {loaded.state.status === 'loading' && <Loading />}
      {loaded.state.status === 'failed' && <LoadFailed message={loaded.state.error.message} onRetry={loaded.reload} />}
      {loaded.state.status === 'ready' && (
        <YearEditor
          key={year}
          loaded={loaded.state.data}
          onSaved={(saved) => {
            loaded.set(saved);
            onSaved();
          }}
        />
      )}
    </View>
  );
}
