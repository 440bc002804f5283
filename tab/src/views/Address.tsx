// An e-mail address in a narrow column. It may wrap after "@" and before a ".", so a line ends where the address
// has a seam; left to the browser, a column too narrow for it cut names in two ("anna@fabrikam.exampl" / "e").
// Split by matching, not by a lookbehind: Safari's WebView (Outlook for Mac) before 16.4 cannot parse one.
import { Fragment } from 'react';

export function Address({ value }: { value: string }) {
  const parts = value.match(/[^@.]*@|\.?[^@.]+|\./g) ?? [value];
  return (
    <span data-testid="address">
      {parts.map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>)}
    </span>
  );
}
