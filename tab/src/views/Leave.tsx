// VA leave: the VA enters and removes whole days away (the response clock pauses); the owner sees them.
import { Button, Card, CardHeader, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ApiError } from '../api.ts';
import { dateTime, text } from '../i18n.ts';
import { ErrorState } from '../States.tsx';
import type { LeaveResponse, Role } from '../types.ts';
import { useApi } from '../use-api.ts';
import { problemsOf } from './Settings.tsx';

const useStyles = makeStyles({ form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' } });

export function Leave({ api, base, role, zone }: { api: ApiClient; base: string; role: Role; zone: string }) {
  const styles = useStyles();
  const loaded = useApi<LeaveResponse>(api, `${base}/leave`);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const problems = problem?.status === 400 ? problemsOf(problem) : {};
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
          <Field label={text('tab.leave.firstDay')} validationMessage={problems['from']}><Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} /></Field>
          <Field label={text('tab.leave.lastDay')} validationMessage={problems['to']}><Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} /></Field>
          <Button appearance="primary" onClick={() => void act(api.send('POST', `${base}/leave`, { from, to }))}>{text('tab.leave.add')}</Button>
        </div>
      )}
      {problem && problem.status !== 400 && <ErrorState error={problem} />}
    </Card>
  );
}
