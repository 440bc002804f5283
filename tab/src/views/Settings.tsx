// The pairing's settings: the owner edits them (each problem shown next to its field) and sees the effect
// on past weeks before saving; the VA sees them read-only. The tasks to measure are picked from the owner's and
// the VA's Planner plans and To Do lists. Leave (entered by the VA) sits below.
import {
  Button, Card, CardHeader, Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Switch, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../api.ts';
import { clockTime, percent, shortWeekday, text, weekLabel, zoneName } from '../i18n.ts';
import { ErrorState, Loading } from '../States.tsx';
import type { PreviewResponse, Role, Settings, SettingsResponse, TaskSourcesResponse } from '../types.ts';
import { useApi } from '../use-api.ts';
import { ChatLanguage } from './ChatLanguage.tsx';
import { EndEngagement } from './EndEngagement.tsx';
import { Leave } from './Leave.tsx';
import { TimePicker, ZonePicker } from './LocaleInputs.tsx';
import { ReadOnlyValue } from './ReadOnlyValue.tsx';
import { TaskSourcePicker } from './TaskSourcePicker.tsx';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Problems = Record<string, string>;

const useStyles = makeStyles({
  form: { display: 'grid', alignItems: 'start', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}` },
  days: { display: 'flex', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL },
  // Zone names run long: "Mitteleuropäische Zeit (Copenhagen) · UTC+01:00".
  wide: { gridColumn: 'span 2' },
  changed: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteMarigoldForeground2 },
});

/** "windowHours must be …; workingHours.endTime must …" → field → message, as the API names them. */
export function problemsOf(error: ApiError): Problems {
  const problems: Problems = {};
  for (const part of error.message.split('; ')) {
    const match = /^([\w.]+):? (.*)$/.exec(part);
    if (match) problems[match[1]!] = match[2]!;
  }
  return problems;
}

export function SettingsView({ api, base, role, zone, mailbox }: { api: ApiClient; base: string; role: Role; zone: string; mailbox: string }) {
  const styles = useStyles();
  const loaded = useApi<SettingsResponse>(api, `${base}/settings`);
  const taskSources = useApi<TaskSourcesResponse>(api, `${base}/settings/task-sources`);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  useEffect(() => setDraft(loaded.data?.settings ?? null), [loaded.data]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === null || draft === null) return <Loading />;
  const readOnly = !loaded.data.editable;
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setDraft({ ...draft, [key]: value });
    setPreview(null);
    setSaved(false);
  };
  const fail = (error: ApiError) => (error.status === 400 ? setProblems(problemsOf(error)) : setFailure(error));
  const run = async (work: () => Promise<void>) => {
    setProblems({});
    setFailure(null);
    try {
      await work();
    } catch (error) {
      fail(error as ApiError);
    }
  };
  const doPreview = () => run(async () => setPreview(await api.send<PreviewResponse>('POST', `${base}/settings/preview`, draft)));
  const doSave = () => run(async () => {
    await api.send('PUT', `${base}/settings`, draft);
    setSaved(true);
    setPreview(null);
    loaded.reload();
  });

  const field = (name: string, label: string, control: React.ReactElement, hint?: string, className?: string) => (
    // A field's hint says what may be typed ("1 to 100"), which the VA cannot.
    <Field className={className} label={label} validationMessage={problems[name]} validationState={problems[name] ? 'error' : 'none'} hint={readOnly ? undefined : hint}>{control}</Field>
  );
  // The VA reads what was agreed and cannot change it.
  const shown = (name: string, value: string) => <ReadOnlyValue name={name} value={value} />;
  const numberInput = (key: 'responseTargetPct' | 'windowHours' | 'inboxZeroMaxItems' | 'reviewEveryWeeks' | 'taskTargetPct') =>
    readOnly ? shown(key, String(draft[key])) : <Input type="number" value={String(draft[key])} onChange={(_e, d) => set(key, d.value === '' ? Number.NaN : Number(d.value))} />;
  const dayDropdown = (key: 'inboxZeroDay' | 'scorecardDay') =>
    readOnly ? shown(key, text(`tab.day.${draft[key]}`)) : (
      <Dropdown value={text(`tab.day.${draft[key]}`)} selectedOptions={[draft[key]]} onOptionSelect={(_e, d) => set(key, d.optionValue as Settings[typeof key])}>
        {WEEKDAYS.map((day) => <Option key={day} value={day}>{text(`tab.day.${day}`)}</Option>)}
      </Dropdown>
    );
  const timeInput = (name: string, value: string, onChange: (value: string) => void) => (readOnly ? shown(name, clockTime(value)) : <TimePicker value={value} onChange={onChange} />);
  // The saved zone as the server resolved it (a mailbox's Windows name as its IANA zone); a changed one as chosen.
  const zoneValue = draft.timeZone === loaded.data.settings.timeZone && zone !== '' ? zone : draft.timeZone;
  const toggle = (key: 'countCcOnly' | 'excludeInternal' | 'excludeOtherFocused' | 'privacyMode') =>
    readOnly ? shown(key, text(draft[key] ? 'tab.settings.switchedOn' : 'tab.settings.switchedOff', { setting: text(`tab.settings.${key}`) })) : (
      <Switch checked={draft[key]} onChange={(_e, d) => set(key, d.checked)} label={text(`tab.settings.${key}`)} />
    );
  const hours = draft.workingHours;
  // A listing the server could not answer leaves "None" as a failed one does.
  const sources: TaskSourcesResponse | null = taskSources.data ?? (taskSources.error ? { choices: [], failure: 'unavailable', editable: false } : null);

  return (
    <>
      {readOnly && <MessageBar intent="info"><MessageBarBody>{text('tab.settings.readOnly')}</MessageBarBody></MessageBar>}
      <Card>
        <CardHeader header={<Text as="h2" weight="semibold">{text('tab.settings.title')}</Text>} />
        <div className={styles.form}>
          {field('responseTargetPct', text('tab.settings.responseTargetPct'), numberInput('responseTargetPct'), text('tab.settings.responseTargetPctHint'))}
          {field('windowHours', text('tab.settings.windowHours'), numberInput('windowHours'), text('tab.settings.windowHoursHint'))}
          {field('clock', text('tab.settings.clock'), readOnly ? shown('clock', text(`tab.settings.clock.${draft.clock}`)) : (
            <Dropdown value={text(`tab.settings.clock.${draft.clock}`)} selectedOptions={[draft.clock]} onOptionSelect={(_e, d) => set('clock', d.optionValue as Settings['clock'])}>
              <Option value="calendar">{text('tab.settings.clock.calendar')}</Option>
              <Option value="working">{text('tab.settings.clock.working')}</Option>
            </Dropdown>
          ))}
          {field('timeZone', text('tab.settings.timeZone'), readOnly ? shown('timeZone', zoneName(zoneValue)) : <ZonePicker value={zoneValue} onChange={(value) => set('timeZone', value)} />, undefined, styles.wide)}
          {field('workingHours.daysOfWeek', text('tab.settings.workingDays'), readOnly ? shown('workingDays', hours.daysOfWeek.map((day) => shortWeekday(day)).join(', ') || text('none')) : (
            <div className={styles.days}>
              {WEEKDAYS.map((day) => (
                <Checkbox key={day} label={shortWeekday(day)} checked={hours.daysOfWeek.includes(day)}
                  onChange={(_e, d) => set('workingHours', { ...hours, daysOfWeek: d.checked ? WEEKDAYS.filter((w) => w === day || hours.daysOfWeek.includes(w)) : hours.daysOfWeek.filter((w) => w !== day) })} />
              ))}
            </div>
          ))}
          {field('workingHours.startTime', text('tab.settings.workStart'), timeInput('workStart', hours.startTime, (v) => set('workingHours', { ...hours, startTime: v })))}
          {field('workingHours.endTime', text('tab.settings.workEnd'), timeInput('workEnd', hours.endTime, (v) => set('workingHours', { ...hours, endTime: v })))}
          {field('inboxZeroDay', text('tab.settings.inboxZeroDay'), dayDropdown('inboxZeroDay'))}
          {field('inboxZeroCutoff', text('tab.settings.inboxZeroCutoff'), timeInput('inboxZeroCutoff', draft.inboxZeroCutoff, (v) => set('inboxZeroCutoff', v)))}
          {field('inboxZeroMaxItems', text('tab.settings.inboxZeroMaxItems'), numberInput('inboxZeroMaxItems'))}
          {field('countCcOnly', text('tab.settings.exclusions'), <div>{toggle('countCcOnly')}{toggle('excludeInternal')}{toggle('excludeOtherFocused')}</div>)}
          {field('noReplyCategory', text('tab.settings.noReplyCategory'), readOnly ? shown('noReplyCategory', draft.noReplyCategory || text('none')) : <Input value={draft.noReplyCategory} onChange={(_e, d) => set('noReplyCategory', d.value)} />)}
          {field('scorecardDay', text('tab.settings.scorecardDay'), dayDropdown('scorecardDay'))}
          {field('scorecardTime', text('tab.settings.scorecardTime'), timeInput('scorecardTime', draft.scorecardTime, (v) => set('scorecardTime', v)))}
          {field('reviewEveryWeeks', text('tab.settings.reviewEveryWeeks'), numberInput('reviewEveryWeeks'))}
          {field('privacyMode', text('tab.settings.privacy'), toggle('privacyMode'))}
          {field(
            'taskSource',
            text('tab.settings.taskSource'),
            <TaskSourcePicker value={draft.taskSource} listed={sources} readOnly={readOnly} onChange={(source) => set('taskSource', source)} />,
            sources?.failure ? text(`taskSource.failure.${sources.failure}`) : text('tab.settings.taskSourceHint'),
            styles.wide,
          )}
          {field('taskTargetPct', text('tab.settings.taskTargetPct'), numberInput('taskTargetPct'), text('tab.settings.responseTargetPctHint'))}
        </div>
        {problems['body'] && <ErrorState message={problems['body']} />}
        {failure && <ErrorState error={failure} />}
        {!readOnly && (
          <div className={styles.actions}>
            <Button onClick={() => void doPreview()}>{text('tab.settings.preview')}</Button>
            <Button appearance="primary" onClick={() => void doSave()}>{text('tab.settings.save')}</Button>
            {saved && <Text role="status">{text('tab.settings.saved')}</Text>}
          </div>
        )}
      </Card>
      {preview && (
        <Card>
          <CardHeader header={<Text as="h2" weight="semibold">{text('tab.settings.previewTitle')}</Text>} description={<Text size={200}>{text('tab.settings.previewHint')}</Text>} />
          <Table aria-label={text('tab.settings.previewTitle')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text('tab.column.week')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.settings.previewNow')}</TableHeaderCell>
                <TableHeaderCell>{text('tab.settings.previewAfter')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.proposed.map((after, i) => {
                const before = preview.current.find((w) => w.week === after.week) ?? preview.current[i];
                const changed = before?.rate !== after.rate || before?.met !== after.met;
                return (
                  <TableRow key={after.week} data-testid="preview-row">
                    <TableCell>{weekLabel(after.week)}</TableCell>
                    <TableCell>{percent(before?.rate ?? null)}</TableCell>
                    <TableCell className={changed ? styles.changed : undefined}>{percent(after.rate)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      )}
      <ChatLanguage api={api} base={base} />
      <Leave api={api} base={base} role={role} zone={zone} />
      {role === 'owner' && <EndEngagement api={api} base={base} mailbox={mailbox} />}
    </>
  );
}
