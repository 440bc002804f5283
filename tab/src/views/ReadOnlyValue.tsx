// A setting the reader may see but not change (the VA, in Settings), shown as text: a greyed-out field is hard to
// read and still looks as if it could be typed into.
import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ value: { display: 'block', paddingTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold } });

export function ReadOnlyValue({ name, value }: { name: string; value: string }) {
  const styles = useStyles();
  return <Text className={styles.value} data-testid={`setting-${name}`}>{value}</Text>;
}
