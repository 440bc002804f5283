// Standalone sign-in (outside Teams): pick one of the dev tenant's seeded owners or VAs.
import { Avatar, Button, Card, CardHeader, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { seededUsers, signInAs, type ApiError, type SeededUser } from './api.ts';
import { text } from './i18n.ts';
import { Empty, ErrorState, Loading } from './States.tsx';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', backgroundColor: tokens.colorNeutralBackground2 },
  // As wide as the page allows up to 440 px: the Outlook pane is 320–360 px wide with padding of its own.
  panel: { marginTop: '10vh', width: '100%', maxWidth: '440px', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // A long address wraps instead of pushing the Sign in button out of the card.
  user: { cursor: 'pointer', '& .fui-CardHeader__description': { overflowWrap: 'anywhere' } },
});

export function SignInPicker({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const styles = useStyles();
  const [users, setUsers] = useState<SeededUser[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => void seededUsers().then(setUsers, setError), []);

  return (
    <main className={styles.page}>
      <Card className={styles.panel}>
        <Title2 as="h1">{text('tab.signIn.title')}</Title2>
        <Text>{text('tab.signIn.intro')}</Text>
        {error && <ErrorState error={error} />}
        {users === null && !error && <Loading />}
        {users?.length === 0 && <Empty title={text('tab.signIn.nobody')} />}
        {users?.map((user) => (
          <Card key={user.oid} className={styles.user} appearance="filled-alternative" size="small">
            <CardHeader
              image={<Avatar name={user.name} color="colorful" />}
              header={<Text weight="semibold">{user.name}</Text>}
              description={<Text size={200}>{text(user.role === 'owner' ? 'tab.signIn.ownerOf' : 'tab.signIn.vaOf', { mailbox: user.mailbox, upn: user.upn })}</Text>}
              action={<Button appearance="primary" aria-label={text('tab.signIn.as', { name: user.name })} onClick={() => void signInAs(user.oid).then(onSignedIn, setError)}>{text('tab.signIn.button')}</Button>}
            />
          </Card>
        ))}
      </Card>
    </main>
  );
}
