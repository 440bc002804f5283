// Where the task KPI reads tasks (docs/kpi.md §11): "None", then the owner's and the VA's Planner plans, then
// their To Do lists, as the server listed them. A source chosen before that Graph no longer lists stays on
// offer as what it is, so opening the settings never changes it behind the owner's back.
import { Dropdown, Option, OptionGroup } from '@fluentui/react-components';
import { text } from '../i18n.ts';
import type { TaskChoice, TaskSourcesResponse } from '../types.ts';
import { ReadOnlyValue } from './ReadOnlyValue.tsx';

const optionText = (choice: TaskChoice) => text('taskSource.option', { name: choice.name, whose: choice.of });

/** `listed` null while loading: only the current choice shows, and nothing can be picked yet. `readOnly`: the choice as text. */
export function TaskSourcePicker({ value, listed, readOnly, onChange }: { value: string; listed: TaskSourcesResponse | null; readOnly: boolean; onChange: (source: string) => void }) {
  const choices = listed?.choices ?? [];
  const current = choices.find((choice) => choice.source === value);
  const label = value === 'none' ? text('taskSource.none') : current ? optionText(current) : listed === null ? '' : text('taskSource.unlisted');
  const group = (kind: TaskChoice['kind']) => {
    const ofKind = choices.filter((choice) => choice.kind === kind);
    return ofKind.length === 0 ? null : (
      <OptionGroup label={text(`taskSource.group.${kind}`)}>
        {ofKind.map((choice) => <Option key={choice.source} value={choice.source}>{optionText(choice)}</Option>)}
      </OptionGroup>
    );
  };
  if (readOnly) return <ReadOnlyValue name="taskSource" value={label || text('none')} />;
  return (
    <Dropdown disabled={listed === null} value={label} selectedOptions={[value]} onOptionSelect={(_e, d) => d.optionValue !== undefined && onChange(d.optionValue)}>
      <Option value="none">{text('taskSource.none')}</Option>
      {group('planner')}
      {group('todo')}
      {value !== 'none' && current === undefined && listed !== null && <Option value={value}>{text('taskSource.unlisted')}</Option>}
    </Dropdown>
  );
}
