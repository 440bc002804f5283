// The language of what Tandem posts to the owner–VA chat: the measured mailbox's Outlook language (the owner's,
// unless Tandem reads a shared mailbox) until the owner picks another; the VA sees the choice. Saved on
// selection, as Teams' own language pickers do.
import { Card, CardHeader, Dropdown, Field, Option, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ApiError } from '../api.ts';
import { languageName, ownLanguageName, text } from '../i18n.ts';
import { ErrorState, Loading } from '../States.tsx';
import type { LanguageResponse } from '../types.ts';
import { useApi } from '../use-api.ts';
import { ReadOnlyValue } from './ReadOnlyValue.tsx';

// As wide as one column of the settings form above it.
const useStyles = makeStyles({ field: { maxWidth: '360px' } });

/** The option that follows the mailbox's Outlook language. */
const MAILBOX = 'mailbox';

/** The option that follows the mailbox: the reader's own Outlook language, the owner's, or a shared mailbox's by its address. */
function mailboxOption({ mailbox, sharedMailbox, editable }: LanguageResponse): string {
  const language = mailbox === null ? null : languageName(mailbox);
  if (sharedMailbox !== null) {
    return language === null ? text('tab.language.sharedMailboxUnknown', { mailbox: sharedMailbox }) : text('tab.language.sharedMailbox', { mailbox: sharedMailbox, language });
  }
  // Only the owner may choose, and the mailbox is the owner's: to them it is their own Outlook language.
  if (editable) return language === null ? text('tab.language.mailboxYoursUnknown') : text('tab.language.mailboxYours', { language });
  return language === null ? text('tab.language.mailboxUnknown') : text('tab.language.mailbox', { language });
}

export function ChatLanguage({ api, base }: { api: ApiClient; base: string }) {
  const styles = useStyles();
  const loaded = useApi<LanguageResponse>(api, `${base}/settings/language`);
  const [saved, setSaved] = useState<LanguageResponse | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  const language = saved ?? loaded.data;
  if (language === null) return <Loading />;

  const mailboxLabel = mailboxOption(language);
  const selected = language.chosen ? language.locale : MAILBOX;
  const labelOf = (value: string) => (value === MAILBOX ? mailboxLabel : ownLanguageName(value));
  const choose = async (value: string) => {
    setFailure(null);
    try {
      setSaved(await api.send<LanguageResponse>('PUT', `${base}/settings/language`, { locale: value === MAILBOX ? null : value }));
    } catch (error) {
      setFailure(error as ApiError);
    }
  };

  return (
    <Card>
      <CardHeader header={<Text as="h2" weight="semibold">{text('tab.language.title')}</Text>} description={<Text size={200}>{text('tab.language.hint')}</Text>} />
      <Field className={styles.field} label={text('tab.language.label')} hint={language.editable ? undefined : text('tab.language.readOnly')}>
        {language.editable ? (
          <Dropdown value={labelOf(selected)} selectedOptions={[selected]} onOptionSelect={(_e, d) => void choose(d.optionValue!)}>
            <Option value={MAILBOX} text={mailboxLabel}>{mailboxLabel}</Option>
            {language.languages.map((tag) => (
              <Option key={tag} value={tag} text={ownLanguageName(tag)}><span lang={tag}>{ownLanguageName(tag)}</span></Option>
            ))}
          </Dropdown>
        ) : (
          <ReadOnlyValue name="language" value={labelOf(selected)} />
        )}
      </Field>
      {saved !== null && <Text role="status">{text('tab.language.saved')}</Text>}
      {failure && <ErrorState error={failure} />}
    </Card>
  );
}
