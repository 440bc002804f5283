// VA leave: the VA enters and removes whole days away (the response clock pauses); the owner sees them.
import { Button, Card, CardHeader, Field, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ApiError } from '../api.ts';
import { dateTime, text } from '../i18n.ts';
import { ErrorState } from '../States.tsx';
import type { LeaveResponse, Role } from '../types.ts';
import { useApi } from '../use-api.ts';
import { problemsOf } from './Settings.tsx';
import { DateInput, dateProblem } from './LocaleInputs.tsx';

const useStyles = makeStyles({ form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' } });

export function Leave({ api, base, role, zone }: { api: ApiClient; base: string; role: Role; zone: string }) {
  const styles = useStyles();
  const loaded = useApi<LeaveResponse>(api, `${base}/leave`);
  // As typed, in the reader's order, and as YYYY-MM-DD once that is a date (null while it is not).
  const [from, setFrom] = useState<{ typed: string; value: string | null }>({ typed: '', value: null });
  const [to, setTo] = useState<{ typed: string; value: string | null }>({ typed: '', value: null });
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const problems = problem?.status === 400 ? problemsOf(problem) : {};
  // Said once the person tried to add, or typed as much as a whole date and it is not one.
  const unreadable = (date: { typed: string; value: string | null }) => date.value === null && (checked || date.typed.trim().length >= 10);
  const add = () => {
    setChecked(true);
    if (from.value !== null && to.value !== null) void act(api.send('POST', `${base}/leave`, { from: from.value, to: to.value })).then(() => setChecked(false));
  };
  const act = (work: Promise<unknown>) => work.then(() => { setProblem(null); loaded.reload(); }, setProblem);

  return (
    <Card>
      <CardHeader header={<Text as="h2" weight="semibold">{text('tab.leave.title')}</Text>} description={<Text size={200}>{text(role === 'va' ? 'tab.leave.hintVa' : 'tab.leave.hintOwner')}</Text>} />
      {loaded.error && <ErrorState error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && loaded.data.leave.length === 0 && <Text>{text('tab.leave.none')}</Text>}
      {loaded.data && loaded.data.leave.length > 0 && (
        <Table aria-label={text('tab.leave.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text('tab.leave.from')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.leave.until')}</TableHeaderCell>
              <TableHeaderCell>{text('tab.leave.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaded.data.leave.map((leave) => (
              <TableRow key={leave.id} data-testid="leave-row">
                <TableCell>{dateTime(leave.start, zone)}</TableCell>
                <TableCell>{dateTime(leave.end, zone)}</TableCell>
                <TableCell>{loaded.data!.editable && <Button size="small" onClick={() => void act(api.send('DELETE', `${base}/leave/${leave.id}`))}>{text('tab.leave.remove')}</Button>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {loaded.data?.editable && (
        <div className={styles.form}>
          <Field label={text('tab.leave.firstDay')} validationMessage={unreadable(from) ? dateProblem() : problems['from']} validationState={unreadable(from) || problems['from'] ? 'error' : 'none'}>
            <DateInput typed={from.typed} onType={(typed, value) => setFrom({ typed, value })} />
          </Field>
          <Field label={text('tab.leave.lastDay')} validationMessage={unreadable(to) ? dateProblem() : problems['to']} validationState={unreadable(to) || problems['to'] ? 'error' : 'none'}>
            <DateInput typed={to.typed} onType={(typed, value) => setTo({ typed, value })} />
          </Field>
          <Button appearance="primary" onClick={add}>{text('tab.leave.add')}</Button>
        </div>
      )}
      {problem && problem.status !== 400 && <ErrorState error={problem} />}
    </Card>
  );
}
