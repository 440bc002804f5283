// Ending the engagement, for the owner: one confirmed step deletes everything Tandem holds about the
// pairing (the server does it in one transaction and keeps one audit line with the counts).
import { Button, Card, CardHeader, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ApiError } from '../api.ts';
import { text } from '../i18n.ts';
import { ErrorState } from '../States.tsx';

export function EndEngagement({ api, base, mailbox }: { api: ApiClient; base: string; mailbox: string }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const matches = typed.trim().toLowerCase() === mailbox.toLowerCase();

  const end = async () => {
    setProblem(null);
    setFailure(null);
    try {
      await api.send('POST', `${base}/offboard`, { confirm: typed });
      setDone(true);
    } catch (error) {
      const refused = error as ApiError;
      if (refused.status === 400) setProblem(refused.message);
      else setFailure(refused);
    }
  };

  if (done) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{text('tab.end.done')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Card>
      <CardHeader header={<Text as="h2" weight="semibold">{text('tab.end.title')}</Text>} description={<Text size={200}>{text('tab.end.text', { mailbox })}</Text>} />
      <Field label={text('tab.end.confirm', { mailbox })} validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'}>
        <Input value={typed} onChange={(_e, d) => setTyped(d.value)} autoComplete="off" />
      </Field>
      {failure && <ErrorState error={failure} />}
      <div>
        <Button appearance="primary" disabled={!matches} onClick={() => void end()}>{text('tab.end.button')}</Button>
      </div>
    </Card>
  );
}
